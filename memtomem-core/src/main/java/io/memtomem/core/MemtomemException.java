package io.memtomem.core;

/**
 * A failure the user can act on. The message is one line that names what was wrong and how to fix it, so callers
 * print it as {@code Error: <message>} without a stack trace.
 */
public class MemtomemException extends RuntimeException {
    public MemtomemException(String message) {
        super(message);
    }

    public MemtomemException(String message, Throwable cause) {
        super(message, cause);
    }
}
