package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A generated markdown corpus, big enough that indexing it takes seconds and deterministic for a given seed. */
final class Corpus {
    private static final String[] WORDS = ("deploy router cache replica shard queue latency budget incident rollback "
            + "schema index vector token lease quorum leader follower snapshot compaction backlog retry timeout "
            + "circuit breaker canary metric alert runbook owner pager escalation region zone failover checksum")
            .split(" ");

    private Corpus() {
    }

    /** Writes {@code files} notes into {@code dir}, spread over subdirectories, each with a title and sections. */
    static void generate(Path dir, int files, long seed) {
        Random random = new Random(seed);
        try {
            for (int n = 0; n < files; n++) {
                Path file = dir.resolve("topic-" + (n % 20)).resolve("note-" + n + ".md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, note(n, random));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String note(int n, Random random) {
        StringBuilder text = new StringBuilder("# Note ").append(n).append("\n\n");
        int sections = 2 + random.nextInt(3);
        for (int s = 0; s < sections; s++) {
            text.append("## ").append(words(random, 3)).append("\n\n").append(words(random, 60 + random.nextInt(120)))
                    .append(".\n\n");
        }
        return text.toString();
    }

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return words.toString();
    }
}
