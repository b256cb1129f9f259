package io.memtomem.core.remote;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A small file only its owner can read, replaced whole: written to a 0600 temp file, then renamed. */
public final class PrivateText {
    private PrivateText() {
    }

    public static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) {
        PrivateFiles.createDirectories(file.getParent());
        try {
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            PrivateFiles.restrictToOwner(temp);
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MemtomemException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
