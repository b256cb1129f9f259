package io.memtomem.core.index;

import io.memtomem.core.chunk.Chunkers;
import io.memtomem.core.chunk.Validity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU part of indexing one file, done off the writer thread: read, fingerprint, chunk, hash. Exactly one outcome
 * holds: {@code chunks} (with the file's {@code sha256} and frontmatter {@code validity}), {@code unchangedCount >= 0}
 * (fingerprint matched, nothing to chunk), {@code skipReason}, {@code blockReason} (the redaction gate refused it),
 * {@code error}, or {@code missing}. {@code stamp} is the file as it was read, for the outcomes that write rows
 * (chunks, missing); null otherwise.
 */
record PreparedFile(Path file, List<ChunkDiff.Fresh> chunks, String sha256, Validity validity, int unchangedCount,
                    String skipReason, String blockReason, String error, boolean missing, FileStamp stamp) {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedFile.class);

    /** Answers whether a file with this content hash is already indexed as it is, and with how many chunks. */
    @FunctionalInterface
    interface UnchangedCheck {
        OptionalInt unchangedCount(Path file, String sha256);
    }

    /** The contents of a file's chunks as indexed now. */
    @FunctionalInterface
    interface IndexedChunks {
        List<String> of(Path file);
    }

    static PreparedFile prepare(Path file, Chunkers chunkers, UnchangedCheck check, Redaction redaction,
                                IndexedChunks indexed) {
        try {
            FileContent content = FileContent.read(file);
            if (content instanceof FileContent.Missing) {
                return new PreparedFile(file, List.of(), null, Validity.OPEN, -1, null, null, null, true,
                        FileStamp.ABSENT);
            }
            if (content instanceof FileContent.Skipped skipped) {
                return new PreparedFile(file, List.of(), null, Validity.OPEN, -1, skipped.reason(), null, null, false,
                        null);
            }
            FileContent.Text text = (FileContent.Text) content;
            OptionalInt unchanged = check.unchangedCount(file, text.sha256());
            if (unchanged.isPresent()) {
                return new PreparedFile(file, List.of(), text.sha256(), Validity.OPEN, unchanged.getAsInt(), null,
                        null, null, false, null);
            }
            // after the unchanged check: a file indexed as it is was vetted (or bypassed) when it was indexed
            String blockReason = redaction.blockReason(file, text.text(), () -> indexed.of(file));
            if (blockReason != null) {
                return new PreparedFile(file, List.of(), null, Validity.OPEN, -1, null, blockReason, null, false,
                        null);
            }
            List<ChunkDiff.Fresh> chunks = chunkers.chunk(file, text.text()).stream().map(ChunkDiff.Fresh::of).toList();
            return new PreparedFile(file, chunks, text.sha256(), chunkers.validity(file, text.text()), -1, null, null,
                    null, false, text.stamp());
        } catch (IOException e) {
            return failed(file, "cannot read (" + describe(e) + ")");
        } catch (RuntimeException e) {
            LOG.warn("chunking {} failed", file, e);
            return failed(file, "cannot chunk (" + describe(e) + ")");
        }
    }

    private static PreparedFile failed(Path file, String error) {
        return new PreparedFile(file, List.of(), null, Validity.OPEN, -1, null, null, error, false, null);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
