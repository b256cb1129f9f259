package io.memtomem.core.store;

import java.util.Objects;

/**
 * What a file stamps on every one of its chunks besides the namespace: its scope tier and project (from where it
 * lies) and its validity bounds (from its frontmatter). Null project root and bounds are stored as NULL.
 */
public record SourceStamp(String scope, String projectRoot, Long validFromUnix, Long validToUnix) {
    public static final SourceStamp USER = new SourceStamp("user", null, null, null);

    // written out: the generated pair is linked through ObjectMethods, method-handle spinning in a cold mm add
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceStamp that && Objects.equals(scope, that.scope)
                && Objects.equals(projectRoot, that.projectRoot) && Objects.equals(validFromUnix, that.validFromUnix)
                && Objects.equals(validToUnix, that.validToUnix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, projectRoot, validFromUnix, validToUnix);
    }
}
