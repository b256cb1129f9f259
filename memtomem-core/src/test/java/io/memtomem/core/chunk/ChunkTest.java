package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTest {

    private static Chunk chunk(String content, List<String> hierarchy) {
        return new Chunk(content, hierarchy, "markdown_section", 1, 1, List.of());
    }

    @Test
    void contentHashIsLowerHexSha256OfTheContent() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                chunk("abc", List.of()).contentHash());
    }

    @Test
    void contentHashNormalisesToNfcFirst() {
        assertEquals(chunk("caf\u00e9", List.of()).contentHash(), chunk("cafe\u0301", List.of()).contentHash());
    }

    @Test
    void contentHashIgnoresTheBreadcrumb() {
        assertEquals(chunk("x", List.of()).contentHash(), chunk("x", List.of("## A")).contentHash());
    }

    @Test
    void retrievalTextPrefixesTheBreadcrumb() {
        assertEquals("# A > ## B\n\nbody", chunk("body", List.of("# A", "## B")).retrievalText());
    }

    @Test
    void retrievalTextIsTheContentWithoutBreadcrumb() {
        assertEquals("body", chunk("body", List.of()).retrievalText());
    }

    @Test
    void listsAreDefensivelyCopied() {
        List<String> hierarchy = new ArrayList<>(List.of("## A"));
        Chunk c = chunk("x", hierarchy);
        hierarchy.add("## B");
        assertEquals(List.of("## A"), c.hierarchy());
        assertThrows(UnsupportedOperationException.class, () -> c.tags().add("t"));
    }

    @Test
    void defaultSettingsMatchTheReference() {
        assertEquals(new ChunkingSettings(512, 128, 384, 0, 800), ChunkingSettings.defaults());
    }

    /** Below U+0300 every text is NFC already: the shortcut that skips the normaliser changes no hash. */
    @Test
    void textBelowCombiningMarksIsItsOwnNfcForm() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < '\u0300'; c++) {
            assertEquals(String.valueOf(c), Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFC));
            all.append(c);
        }
        assertEquals(Normalizer.normalize(all, Normalizer.Form.NFC), Chunk.nfc(all.toString()));
        assertEquals("caf\u00e9", Chunk.nfc("cafe\u0301"), "a combining accent still composes");
        assertEquals("\ud55c", Chunk.nfc("\u1112\u1161\u11ab"), "Hangul jamo still compose");
    }
}
