package io.memtomem.core.store;

public record TagCount(String tag, long chunks) {
}
