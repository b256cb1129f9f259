package io.memtomem.core.search.hybrid;

public record FusedHit<K>(K key, double score, LegSource source) {
}
