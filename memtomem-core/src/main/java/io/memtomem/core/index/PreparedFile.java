package io.memtomem.core.index;

import io.memtomem.core.chunk.Chunkers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU part of indexing one file, done off the writer thread: read, chunk, hash. Exactly one of the outcomes
 * is set: {@code chunks}, {@code skipReason}, {@code error}, or {@code missing}.
 */
record PreparedFile(Path file, List<ChunkDiff.Fresh> chunks, String skipReason, String error, boolean missing) {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedFile.class);

    static PreparedFile prepare(Path file, Chunkers chunkers) {
        try {
            FileContent content = FileContent.read(file);
            if (content instanceof FileContent.Missing) {
                return new PreparedFile(file, List.of(), null, null, true);
            }
            if (content instanceof FileContent.Skipped skipped) {
                return new PreparedFile(file, List.of(), skipped.reason(), null, false);
            }
            String text = ((FileContent.Text) content).text();
            List<ChunkDiff.Fresh> chunks = chunkers.chunk(file, text).stream().map(ChunkDiff.Fresh::of).toList();
            return new PreparedFile(file, chunks, null, null, false);
        } catch (IOException e) {
            return new PreparedFile(file, List.of(), null, "cannot read (" + describe(e) + ")", false);
        } catch (RuntimeException e) {
            LOG.warn("chunking {} failed", file, e);
            return new PreparedFile(file, List.of(), null, "cannot chunk (" + describe(e) + ")", false);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
