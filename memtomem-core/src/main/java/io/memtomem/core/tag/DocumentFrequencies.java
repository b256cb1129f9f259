package io.memtomem.core.tag;

/** How many of the store's chunks hold a term, out of how many chunks in all. */
interface DocumentFrequencies {
    long of(String term);

    long total();
}
