package io.memtomem.core.chunk;

import java.util.List;

/** Turns one file's text into raw chunks, before the shared merge and overlap post-processing. */
interface FileChunker {

    /** @param stem the file name without its extension, used as the root of structured hierarchies */
    List<Chunk> chunk(String stem, String text);
}
