package io.memtomem.core.search.hybrid;

/** One entry of a leg's ranked list: rank is the list position, score the leg's own measure. */
public record Scored<K>(K key, double score) {
}
