package io.memtomem.core.embed;

import java.util.Optional;

/**
 * What a foreground embedding run did: chunks embedded, chunks still without a vector afterwards, and the provider
 * error that stopped it early (the chunks it did not reach stay pending; BM25 has them all).
 */
public record EmbedRun(long embedded, long stillPending, long millis, Optional<String> failure) {
    public static final EmbedRun NOTHING = new EmbedRun(0, 0, 0, Optional.empty());
}
