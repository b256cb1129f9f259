package io.memtomem.core.search.hybrid;

/**
 * Keeps the k best (score, slot) pairs seen so far in a binary min-heap on primitive arrays, so the dense scan
 * allocates nothing per row. Ties on score keep the lower slot, which makes results deterministic.
 */
final class TopK {

    private final float[] scores;
    private final int[] slots;
    private int size;

    TopK(int k) {
        scores = new float[k];
        slots = new int[k];
    }

    int size() {
        return size;
    }

    /** The score a new entry must beat once the heap is full. */
    float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int slot, float score) {
        if (size < scores.length) {
            scores[size] = score;
            slots[size] = slot;
            siftUp(size++);
        } else if (worse(scores[0], slots[0], score, slot)) {
            scores[0] = score;
            slots[0] = slot;
            siftDown(0);
        }
    }

    /** Drains the heap best-first into {@code outSlots}/{@code outScores}; returns how many there were. */
    int drainBestFirst(int[] outSlots, float[] outScores) {
        int count = size;
        for (int i = count - 1; i >= 0; i--) {
            outSlots[i] = slots[0];
            outScores[i] = scores[0];
            size--;
            scores[0] = scores[size];
            slots[0] = slots[size];
            siftDown(0);
        }
        return count;
    }

    /** True when (scoreA, slotA) ranks below (scoreB, slotB). */
    private static boolean worse(float scoreA, int slotA, float scoreB, int slotB) {
        return scoreA < scoreB || (scoreA == scoreB && slotA > slotB);
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!worse(scores[index], slots[index], scores[parent], slots[parent])) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(scores[left + 1], slots[left + 1], scores[left], slots[left])
                    ? left + 1 : left;
            if (!worse(scores[child], slots[child], scores[index], slots[index])) {
                return;
            }
            swap(index, child);
            index = child;
        }
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
