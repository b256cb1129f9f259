package io.memtomem.core.chunk;

import java.util.List;

/** Finds where each top-level key of a structured document starts in its source text. */
interface TopLevelKeys {

    /**
     * @param key    the top-level key, unquoted
     * @param source the source range from the key up to the next top-level key (unstripped)
     */
    record KeySection(String key, Span source) {
    }

    /** The sections in file order, or {@code null} when the text does not parse or its top level is not a mapping. */
    List<KeySection> locate(SourceText source);

    /** Turns key start offsets into consecutive sections, the last one ending at {@code end}. */
    static List<KeySection> consecutive(List<String> keys, List<Integer> starts, int end) {
        KeySection[] sections = new KeySection[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            int sectionEnd = i + 1 < keys.size() ? starts.get(i + 1) : end;
            sections[i] = new KeySection(keys.get(i), new Span(starts.get(i), sectionEnd));
        }
        return List.of(sections);
    }
}
