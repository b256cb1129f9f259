package io.memtomem.core.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.json.Jackson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the store's HTTP server listens, in the store dir as {@value #FILE} while it runs: {@code mm status} shows it,
 * and a second HTTP server on the same store refuses with its URL. Only a live pid counts, so a file a crash left
 * behind is ignored.
 */
public record HttpEndpoint(long pid, String url, boolean tokenRequired) {
    public static final String FILE = "http-server.json";

    public static Path file(Path storeDir) {
        return storeDir.resolve(FILE);
    }

    public void write(Path storeDir) {
        PrivateText.write(file(storeDir), JsonNodeFactory.instance.objectNode().put("pid", pid).put("url", url)
                .put("transport", "http").put("token_required", tokenRequired).toString() + "\n");
    }

    /** The endpoint of a server that is running now, if any. */
    public static Optional<HttpEndpoint> running(Path storeDir) {
        JsonNode node;
        try {
            node = Jackson.readTree(Files.readString(file(storeDir)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // half-written or foreign: no live endpoint we can name
        }
        if (node == null || !node.path("pid").canConvertToLong() || !node.path("url").isTextual()) {
            return Optional.empty();
        }
        long pid = node.get("pid").asLong();
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(new HttpEndpoint(pid, node.get("url").asText(),
                node.path("token_required").asBoolean())) : Optional.empty();
    }

    /** Removes the file if it still describes this endpoint (a newer server may have replaced it). */
    public void remove(Path storeDir) {
        try {
            JsonNode node = Jackson.readTree(Files.readString(file(storeDir)));
            if (node != null && node.path("pid").asLong() == pid) {
                Files.deleteIfExists(file(storeDir));
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new MemtomemException("cannot remove " + file(storeDir) + ": " + e.getMessage(), e);
        }
    }
}
