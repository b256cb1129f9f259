package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code mm index} of a directory runs while {@code mm add --file b.md} appends to a small file in it: the index
 * read b.md before the adds and applies its chunks only after a large file beside it is chunked. Every add that
 * answered success must still be searchable when both are done (the index re-checks each file inside its write).
 */
class IndexWhileAddingIT {
    private static final int ROUNDS = 3;
    private static final int ADDS_PER_ROUND = 3;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void anAcknowledgedAddStaysSearchableThroughAConcurrentIndex() throws Exception {
        Path notes = sandbox.root().resolve("notes");
        Files.createDirectories(notes);
        sandbox.useMemoryDirs(notes);
        sandbox.configure();
        Files.writeString(notes.resolve("b.md"), "## B\n\nThe small file the adds append to.\n");
        writeLargeFile(notes.resolve("big.md"));
        Mm.run(sandbox, "index", notes.toString()).assertOk();

        List<String> lost = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Process index = sandbox.processes().start(sandbox.processBuilder(
                    Launchers.mm("index", notes.toString(), "--force")));
            index.getOutputStream().close();
            LineBuffer indexOut = LineBuffer.drain(index.getInputStream(), "index-out-" + round);
            LineBuffer indexErr = LineBuffer.drain(index.getErrorStream(), "index-err-" + round);
            List<String> tokens = new ArrayList<>();
            for (int add = 1; add <= ADDS_PER_ROUND; add++) {
                String token = "quokka" + round + "x" + add;
                Mm.run(sandbox, "add", "Entry " + token + " appended while indexing.", "--file", "b.md").assertOk();
                tokens.add(token);
            }
            assertTrue(index.waitFor(3, TimeUnit.MINUTES), "mm index finished");
            assertEquals(0, index.exitValue(), () -> "mm index failed: " + indexOut.text() + indexErr.text());
            for (String token : tokens) {
                if (!Mm.run(sandbox, "search", token).assertOk().stdout().contains("b.md")) {
                    lost.add(token);
                }
            }
        }
        assertEquals(List.of(), lost, "acknowledged adds no longer searchable after a concurrent mm index");
    }

    /** About 8 MB of sections: under the 10 MB limit, and seconds of chunking on a busy machine. */
    private static void writeLargeFile(Path file) {
        StringBuilder text = new StringBuilder();
        for (int section = 0; text.length() < 8_000_000; section++) {
            text.append("## Section ").append(section).append("\n\n")
                    .append(("Filler words for section " + section + " of the large file. ").repeat(40))
                    .append("\n\n");
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
