package io.memtomem.core.embed;

import java.util.Arrays;

/** A sorted primitive set of rowids: no boxing, and a binary search per dense-scan row is cheap next to a dot product. */
final class RowidSet {

    private final long[] sorted;

    RowidSet(long[] rowids) {
        this.sorted = rowids.clone();
        Arrays.sort(sorted);
    }

    boolean contains(long rowid) {
        return Arrays.binarySearch(sorted, rowid) >= 0;
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }
}
