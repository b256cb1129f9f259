package io.memtomem.core.store;

public record NamespaceCount(String namespace, long chunks) {
}
