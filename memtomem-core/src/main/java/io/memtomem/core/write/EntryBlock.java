package io.memtomem.core.write;

import io.memtomem.core.store.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reference's entry block, byte for byte, so files written by either tool are interchangeable:
 * {@code \n## <title>\n\n> created: <UTC seconds>+00:00\n> tags: ["a", "b"]\n\n<content>\n}.
 */
final class EntryBlock {

    private EntryBlock() {}

    /**
     * @param title null for an automatic heading; unique per call, so untitled entries are never merged into one chunk
     * @param tags  already validated; an empty list omits the {@code > tags:} line
     */
    static String format(String content, String title, List<String> tags, Instant now) {
        // content that brings its own "## " heading gets no second heading
        String heading = startsWithHeading(content) ? null : title != null ? title : automaticTitle(now);
        return block(heading, content, tags, now);
    }

    /** A block under exactly this heading, whatever the content starts with. */
    static String titled(String heading, String content, List<String> tags, Instant now) {
        return block(heading, content, tags, now);
    }

    private static String block(String heading, String content, List<String> tags, Instant now) {
        StringBuilder block = new StringBuilder("\n");
        if (heading != null) {
            block.append("## ").append(heading).append("\n\n");
        }
        block.append(createdLine(now)).append('\n');
        if (!tags.isEmpty()) {
            block.append(tagsLine(tags)).append('\n');
        }
        return block.append('\n').append(content).append('\n').toString();
    }

    static boolean startsWithHeading(String content) {
        return content.startsWith("## ");
    }

    static String createdLine(Instant now) {
        return "> created: " + Timestamps.utc(now, 0);
    }

    /** Python's {@code json.dumps(tags, ensure_ascii=False)}: {@code ", "} separators, non-ASCII kept as-is. */
    static String tagsLine(List<String> tags) {
        StringBuilder line = new StringBuilder("> tags: [");
        for (int i = 0; i < tags.size(); i++) {
            if (i > 0) {
                line.append(", ");
            }
            appendJsonString(line, tags.get(i));
        }
        return line.append(']').toString();
    }

    /**
     * The instant and a random version-4 UUID in hex, as the reference's {@code uuid4().hex}. Its job is to be unique,
     * not secret (it is written into the file), so it comes from ThreadLocalRandom, seeded from the clock: the first
     * {@code SecureRandom} of a process sets up the security providers, ~6 ms of every cold {@code mm add}.
     */
    private static String automaticTitle(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48; // IETF variant
        return "Entry " + Timestamps.utc(now, 3) + " " + new UUID(high, low).toString().replace("-", "");
    }

    private static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
