package io.memtomem.core.chunk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunkingSettingsTest {
    /**
     * The text form is part of every stored chunking fingerprint: a different text marks every file of every
     * existing store as re-chunk on the next index, so it stays the record's own {@code Name[a=1, b=2]} form.
     */
    @Test
    void textFormIsTheRecordFormStoredInChunkingFingerprints() {
        assertEquals("ChunkingSettings[maxChunkTokens=512, minChunkTokens=128, targetChunkTokens=384, "
                + "chunkOverlapTokens=0, paragraphSplitThreshold=800]", ChunkingSettings.defaults().toString());
    }
}
