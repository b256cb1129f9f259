package io.memtomem.core.store;

/**
 * What a file stamps on every one of its chunks besides the namespace: its scope tier and project (from where it
 * lies) and its validity bounds (from its frontmatter). Null project root and bounds are stored as NULL.
 */
public record SourceStamp(String scope, String projectRoot, Long validFromUnix, Long validToUnix) {
    public static final SourceStamp USER = new SourceStamp("user", null, null, null);
}
