package io.memtomem.core.search.hybrid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** float32 little-endian BLOBs: the layout sqlite-vec uses too (memory-core §2.2), so stored vectors stay portable. */
public final class VectorCodec {

    private VectorCodec() {
    }

    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] decode(byte[] blob) {
        if (blob.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("vector blob of " + blob.length + " bytes is not a whole number of floats");
        }
        float[] vector = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
