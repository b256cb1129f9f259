package io.memtomem.core;

/** The database cannot be opened or used: newer schema, corrupt file, permissions, or a lock held too long. */
public class StoreException extends MemtomemException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
