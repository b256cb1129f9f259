package io.memtomem.core.chunk;

/**
 * When a file's memories hold, from its frontmatter: {@code valid_from} as the first second of its period,
 * {@code valid_to} as the last second of its. A null bound is open.
 */
public record Validity(Long fromUnix, Long toUnix) {
    public static final Validity OPEN = new Validity(null, null);

    /** Whether the memory holds at {@code instantUnix}; open bounds always pass. */
    public boolean holdsAt(long instantUnix) {
        return (fromUnix == null || fromUnix <= instantUnix) && (toUnix == null || toUnix >= instantUnix);
    }
}
