package io.memtomem.core.index;

import io.memtomem.core.Sha256;
import io.memtomem.core.write.FileReindexer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a source file the way the indexer may use it (memory-core.md §4.2 steps 1, 4-6): a missing or non-regular
 * path (a directory, a symbolic link) is {@link Missing}; files over 10 MB and files with a NUL byte in the first 8,192 characters are
 * {@link Skipped}; everything else is decoded as UTF-8 with invalid bytes replaced.
 */
sealed interface FileContent {
    long MAX_BYTES = FileReindexer.MAX_FILE_BYTES;
    int BINARY_PROBE_CHARS = 8192;
    String OVERSIZE = "skipped: larger than 10 MB";
    String BINARY = "skipped: binary file (NUL byte)";

    /**
     * Decoded text plus the sha256 of the raw bytes, which fingerprints the file for skip-if-unchanged, and the
     * file's stamp taken before the bytes were read.
     */
    record Text(String text, String sha256, FileStamp stamp) implements FileContent {
    }

    record Skipped(String reason) implements FileContent {
    }

    record Missing() implements FileContent {
    }

    static FileContent read(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            // a source is a real path: a symbolic link there now is not the file that was indexed
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Missing();
        }
        if (!attributes.isRegularFile()) {
            return new Missing();
        }
        if (attributes.size() > MAX_BYTES) {
            return new Skipped(OVERSIZE + " (" + attributes.size() + " bytes)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Missing();
        }
        String text = decode(bytes);
        int probe = Math.min(text.length(), BINARY_PROBE_CHARS);
        if (text.substring(0, probe).indexOf('\0') >= 0) {
            return new Skipped(BINARY);
        }
        return new Text(text, Sha256.hex(bytes), FileStamp.of(attributes));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
