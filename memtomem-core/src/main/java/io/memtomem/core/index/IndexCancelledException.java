package io.memtomem.core.index;

import io.memtomem.core.MemtomemException;

/**
 * An index run stopped by its caller at a file boundary: every file before it is fully indexed in committed
 * transactions, every file after it is untouched. {@code partial} holds the totals of what was done.
 */
public final class IndexCancelledException extends MemtomemException {
    private final transient IndexResult partial;

    public IndexCancelledException(IndexResult partial, int filesTotal) {
        super("indexing cancelled after " + partial.filesScanned() + " of " + filesTotal + " files; those are "
                + "indexed, the others unchanged - index again to finish");
        this.partial = partial;
    }

    public IndexResult partial() {
        return partial;
    }
}
