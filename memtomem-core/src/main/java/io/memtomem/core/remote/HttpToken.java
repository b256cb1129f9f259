package io.memtomem.core.remote;

import io.memtomem.core.MemtomemException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The bearer token an HTTP server bound to a non-loopback address requires, kept in the store dir as
 * {@value #FILE} (mode 0600). {@code mm http-token} prints it (creating it on first use) and rotates it; a running
 * server reads it on every request, so a rotation takes effect at once.
 */
public final class HttpToken {
    public static final String FILE = "http-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpToken() {
    }

    public static Path file(Path storeDir) {
        return storeDir.resolve(FILE);
    }

    public static Optional<String> read(Path storeDir) {
        try {
            String token = Files.readString(file(storeDir), StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MemtomemException("cannot read " + file(storeDir) + ": " + e.getMessage(), e);
        }
    }

    public static String readOrCreate(Path storeDir) {
        return read(storeDir).orElseGet(() -> rotate(storeDir));
    }

    /** A new random token replaces the old one, which stops working at once. */
    public static String rotate(Path storeDir) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PrivateText.write(file(storeDir), token + "\n");
        return token;
    }

    /** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
    public static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
