package io.memtomem.core.status;

/** One entry of the warnings section: a stable {@code kind}, what was found, and how to fix it. */
public record StatusWarning(String kind, String detail, String fix) {
}
