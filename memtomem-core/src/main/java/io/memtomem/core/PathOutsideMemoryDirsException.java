package io.memtomem.core;

import java.nio.file.Path;

/** A write target that is not inside any configured memory directory. */
public class PathOutsideMemoryDirsException extends MemtomemException {
    public PathOutsideMemoryDirsException(Path path) {
        super("path is outside configured memory directories: " + path);
    }
}
