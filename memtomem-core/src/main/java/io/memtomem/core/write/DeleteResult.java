package io.memtomem.core.write;

import java.nio.file.Path;

public record DeleteResult(String chunkId, Path file, int linesRemoved) {}
