package io.memtomem.core.index;

import io.memtomem.core.store.ChunkWriter;
import io.memtomem.core.store.ExistingChunk;
import io.memtomem.core.store.Session;
import io.memtomem.core.store.SourceStamp;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Applies a {@link ChunkDiff} inside the file's transaction: deletes, then moves and updates, then inserts. */
final class DiffWriter {
    private DiffWriter() {
    }

    /** Returns the ids of the chunks written (updated plus actually inserted). */
    static List<String> apply(Session session, ChunkDiff diff, String namespace, SourceStamp stamp, String source, String now)
            throws SQLException {
        for (ExistingChunk row : diff.deletes()) {
            ChunkWriter.delete(session, row.rowid());
        }
        List<ChunkDiff.Kept> moving = Stream.concat(diff.unchanged().stream().filter(ChunkDiff.Kept::linesMoved),
                diff.updates().stream()).toList();
        // park first: rows that trade line numbers would otherwise collide on the unique index mid-update
        for (ChunkDiff.Kept kept : moving) {
            ChunkWriter.park(session, kept.row().rowid());
        }
        for (ChunkDiff.Kept kept : diff.unchanged()) {
            if (kept.linesMoved()) {
                ChunkWriter.moveLines(session, kept.row().rowid(), kept.chunk().chunk().startLine(),
                        kept.chunk().chunk().endLine());
            }
        }
        for (ChunkDiff.Kept kept : diff.updates()) {
            ChunkWriter.update(session, kept.row(), kept.chunk().chunk(), namespace, stamp, source, now);
        }
        List<String> written = new ArrayList<>();
        diff.updates().forEach(kept -> written.add(kept.row().id()));
        for (ChunkDiff.Fresh fresh : diff.inserts()) {
            String id = UUID.randomUUID().toString();
            if (ChunkWriter.insert(session, id, fresh.chunk(), fresh.hash(), namespace, stamp, source, now)) {
                written.add(id);
            }
        }
        return written;
    }
}
