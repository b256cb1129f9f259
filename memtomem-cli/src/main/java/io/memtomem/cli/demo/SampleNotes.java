package io.memtomem.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The ops notes bundled in the jar under {@code samples/}, for {@code mm demo}. */
final class SampleNotes {
    static final List<String> FILES = List.of("deploy-rollback.md", "postgres-failover.md",
            "tls-certificate-rotation.md", "redis-memory-pressure.md", "oncall-handoff.md", "incident-dns-outage.md");

    private SampleNotes() {
    }

    /** Copies every sample note into {@code dir} (created if needed). */
    static void copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : FILES) {
            try (InputStream in = SampleNotes.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("sample note missing from the jar: " + name));
                }
                Files.copy(in, dir.resolve(name));
            }
        }
    }
}
