package io.memtomem.core;

/** A referenced item (chunk, file) does not exist, e.g. {@code Chunk <id> not found.} */
public class NotFoundException extends MemtomemException {
    public NotFoundException(String message) {
        super(message);
    }
}
