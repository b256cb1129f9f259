package io.memtomem.core.search.hybrid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorCodecTest {

    @Test
    void roundTripsEveryFloatBitPattern() {
        float[] vector = {0f, -0f, 1.5f, -2.25e-38f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY};

        assertArrayEquals(vector, VectorCodec.decode(VectorCodec.encode(vector)));
    }

    @Test
    void writesLittleEndianFloat32() {
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, VectorCodec.encode(new float[] {1.0f}));
    }

    @Test
    void rejectsTruncatedBlobs() {
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.decode(new byte[] {1, 2, 3}));
    }
}
