package io.memtomem.onnx;

import io.memtomem.core.embed.provider.EmbeddingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OnnxModelTest {

    @Test
    void thePythonEnglishPresetsModelNameSelectsTheBundledBgeSmall() {
        assertEquals(OnnxModel.BGE_SMALL_EN_V15_Q, OnnxModel.named("bge-small-en-v1.5"));
        assertEquals(OnnxModel.BGE_SMALL_EN_V15_Q, OnnxModel.named("BAAI/bge-small-en-v1.5"));
        assertEquals(OnnxModel.BGE_SMALL_EN_V15_Q, OnnxModel.named("BGE-small-en-v1.5-q"));
        assertEquals(OnnxModel.DEFAULT, OnnxModel.named(""));
        assertThrows(EmbeddingException.class, () -> OnnxModel.named("bge-m3"));
    }
}
