package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A pid file's payload (locking.md §2: pid, empty line, start time) as an outside observer reads it (POSIX only:
 * Windows blocks reads of a locked range). */
final class PidFiles {
    private PidFiles() {
    }

    static byte[] bytes(Path pidFile) {
        try {
            return Files.readAllBytes(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid on the first line; empty while the file is missing or being rewritten. */
    static Optional<Long> recordedPid(Path pidFile) {
        try {
            String firstLine = Files.readString(pidFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException notThereYet) {
            return Optional.empty();
        }
    }
}
