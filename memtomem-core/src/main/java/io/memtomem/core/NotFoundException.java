package io.memtomem.core;

/** A referenced item (chunk, file) does not exist, e.g. {@code Chunk <id> not found.} */
public class NotFoundException extends MemtomemException {
    public NotFoundException(String message) {
        super(message);
    }

    /** The one wording for an unknown chunk id, whichever tool, resource or command looked it up. */
    public static NotFoundException chunk(String chunkId) {
        return new NotFoundException("Chunk " + chunkId + " not found.");
    }
}
