package io.memtomem.core.tag;

import io.memtomem.core.InvalidInputException;

/**
 * Which chunks {@code auto_tag} looks at (path substring or glob, namespace exact/list/glob; null means all) and how:
 * at most {@code maxTags} keywords per chunk ({@value #MIN_TAGS}–{@value #MAX_TAGS}), written only when
 * {@code dryRun} is false.
 */
public record AutoTagRequest(String sourceFilter, String namespace, int maxTags, boolean dryRun) {
    public static final int DEFAULT_MAX_TAGS = 3;
    public static final int MIN_TAGS = 1;
    public static final int MAX_TAGS = 10;

    public AutoTagRequest {
        requireMaxTags(maxTags);
    }

    /** Refuses a tag count outside {@value #MIN_TAGS}–{@value #MAX_TAGS}, naming the {@code max_tags} parameter. */
    public static int requireMaxTags(int maxTags) {
        if (maxTags < MIN_TAGS || maxTags > MAX_TAGS) {
            throw new InvalidInputException("max_tags", "max_tags must be between " + MIN_TAGS + " and " + MAX_TAGS
                    + ", got " + maxTags);
        }
        return maxTags;
    }
}
