package io.memtomem.core.write;

import io.memtomem.core.Sha256;
import java.time.LocalDate;

/**
 * Names of the UTC day files under the write base. Each non-default namespace gets its own file because re-indexing
 * stamps one namespace on every chunk of a file.
 */
final class DayFiles {
    static final int MAX_SLUG_BYTES = 60;

    private DayFiles() {}

    /**
     * @return {@code YYYY-MM-DD.md} for the default namespace or none, else {@code YYYY-MM-DD--<slug>-<digest16>.md}
     */
    static String name(LocalDate utcDay, String namespace, String defaultNamespace) {
        if (namespace == null || namespace.equals(defaultNamespace)) {
            return utcDay + ".md";
        }
        // the digest keeps namespaces apart whose slugs collide (e.g. "a/b" and "a:b")
        return utcDay + "--" + slug(namespace) + "-" + digest16(namespace) + ".md";
    }

    /**
     * Every code point outside {@code [A-Za-z0-9._-]} becomes one {@code -}, then dashes are trimmed from both ends and
     * the result is capped at 60 UTF-8 bytes. After the replacement the slug is ASCII, so 60 chars = 60 bytes.
     */
    static String slug(String namespace) {
        StringBuilder slug = new StringBuilder();
        namespace.codePoints().forEach(cp -> slug.append(isSlugChar(cp) ? (char) cp : '-'));
        String trimmed = slug.toString().replaceAll("^-+|-+$", "");
        return trimmed.length() <= MAX_SLUG_BYTES ? trimmed : trimmed.substring(0, MAX_SLUG_BYTES);
    }

    static String digest16(String namespace) {
        return Sha256.hex(namespace).substring(0, 16);
    }

    private static boolean isSlugChar(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')
                || cp == '.' || cp == '_' || cp == '-';
    }
}
