package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** Input rules shared by add, batch add and edit; each failure names the parameter and how to fix it. */
final class EntryValidation {
    static final int MAX_CONTENT_CHARS = 100_000;
    static final int MAX_NAMESPACE_CHARS = 128;

    private EntryValidation() {}

    /** Lengths count code points, as the reference (Python) does, so a limit means the same in both tools. */
    static String content(String parameter, String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidInputException(parameter, parameter + " must not be empty: pass the text to remember");
        }
        int length = content.codePointCount(0, content.length());
        if (length > MAX_CONTENT_CHARS) {
            throw new InvalidInputException(parameter, parameter + " is " + length + " characters, over the limit of "
                    + MAX_CONTENT_CHARS + ": split it into several entries");
        }
        refuseControls(parameter, content);
        return content;
    }

    /**
     * C0 control characters other than tab and line breaks are refused before anything is written: a NUL byte makes
     * the indexer skip the whole file as binary, so every later entry of that file would never be searchable.
     */
    static void refuseControls(String parameter, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidInputException(parameter, parameter + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at position " + i + " (a NUL byte makes the indexer "
                        + "skip the whole file as binary): nothing was written; remove control characters other than "
                        + "tab and line breaks, then retry");
            }
        }
    }

    /** @return the stripped title, or null when absent (the block then gets an automatic unique heading) */
    static String title(String parameter, String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new InvalidInputException(parameter, parameter + " must be a single line: remove the line breaks");
        }
        refuseControls(parameter, title);
        return title.strip();
    }

    static List<String> tags(String parameter, List<String> tags) {
        List<String> cleaned = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidInputException(parameter, parameter + " must not contain empty tags: drop them");
            }
            if (tag.indexOf(',') >= 0 || tag.indexOf('\n') >= 0 || tag.indexOf('\r') >= 0) {
                throw new InvalidInputException(parameter, parameter + " must not contain commas or line breaks (got \""
                        + tag.strip() + "\"): pass each tag as its own list item");
            }
            refuseControls(parameter, tag);
            cleaned.add(tag.strip());
        }
        return List.copyOf(cleaned);
    }

    /** @return the stripped namespace, or null when absent (the indexer then resolves it) */
    static String namespace(String parameter, String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return null;
        }
        String stripped = namespace.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAMESPACE_CHARS) {
            throw new InvalidInputException(parameter, parameter + " is longer than " + MAX_NAMESPACE_CHARS
                    + " characters: use a shorter namespace");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(parameter, parameter + " must not contain control characters: remove them");
        }
        return stripped;
    }

    /** @return the value, or null when blank */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
