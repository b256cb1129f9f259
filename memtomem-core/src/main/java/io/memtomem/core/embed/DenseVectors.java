package io.memtomem.core.embed;

import io.memtomem.core.search.hybrid.DenseIndex;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.Session;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The in-memory matrix of one store's vectors, loaded on first use and then kept current from the change log, so
 * vectors written by this process, the other server or {@code mm} all show up in the next search.
 */
final class DenseVectors {

    private static final long NEVER_LOADED = -1;

    private final Database database;
    private final DenseIndex index;
    private long syncedSeq = NEVER_LOADED;

    DenseVectors(Database database, int dimension) {
        this.database = database;
        this.index = new DenseIndex(dimension);
    }

    /** The matrix as of now; catches up on changes first (one cheap query when there are none). */
    synchronized DenseIndex current() {
        database.read("loading stored vectors", session -> {
            // one read transaction, so the high-water mark and the rows read agree
            session.execute("BEGIN");
            try {
                catchUp(session);
            } finally {
                session.execute("COMMIT");
            }
            return null;
        });
        return index;
    }

    /** Chunks with a vector in the matrix as of the last {@link #current()}. */
    int loadedChunks() {
        return index.size();
    }

    private void catchUp(Session session) throws SQLException {
        long highWaterMark = VectorTable.highWaterMark(session);
        if (highWaterMark == syncedSeq) {
            return;
        }
        boolean logCoversGap = syncedSeq != NEVER_LOADED && VectorTable.oldestChange(session) <= syncedSeq + 1;
        if (logCoversGap) {
            List<Long> changed = VectorTable.changedSince(session, syncedSeq);
            Map<Long, float[]> vectors = VectorTable.vectors(session, changed);
            for (long rowid : changed) {
                float[] vector = vectors.get(rowid);
                if (vector == null || !index.fits(vector)) {
                    index.remove(rowid);
                } else {
                    index.upsert(rowid, vector);
                }
            }
        } else {
            index.clear();
            VectorTable.forEachVector(session, (rowid, vector) -> {
                // a vector of another width was written by a process still on the old model: not comparable
                if (index.fits(vector)) {
                    index.upsert(rowid, vector);
                }
            });
        }
        syncedSeq = highWaterMark;
    }
}
