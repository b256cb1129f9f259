package io.memtomem.core;

/** Writes are refused while the stored embedding provider/model/dimension differs from the configured one. */
public class EmbeddingMismatchException extends MemtomemException {
    public EmbeddingMismatchException(String message) {
        super(message);
    }
}
