package io.memtomem.cli.common;

import picocli.CommandLine.Parameters;

/** The {@code CHUNK_ID} argument of read, edit and delete: a whole id or the short form the tables show. */
public final class ChunkIdArgument {
    @Parameters(index = "0", paramLabel = "CHUNK_ID", description = "The chunk's id, or its first 8 or more "
            + "characters as mm search and mm recall show them.")
    private String value;

    public String value() {
        return value;
    }
}
