package io.memtomem.cli.http;

import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTokenCommandTest extends InitializedStoreTest {

    @Test
    void printsTheSameTokenUntilRotatedAndKeepsItOwnerOnly() throws Exception {
        Result first = cli.run("http-token");
        assertEquals(0, first.exitCode(), first::toString);
        String token = first.out().strip();
        assertTrue(token.length() >= 40, token);
        assertEquals(token, cli.run("http-token").out().strip());
        Path file = cli.home().resolve(".memtomem/http-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Result rotated = cli.run("http-token", "--rotate");
        assertNotEquals(token, rotated.out().strip());
        assertTrue(rotated.err().contains("no longer works"), rotated::toString);
        assertEquals(rotated.out().strip(), Files.readString(file).strip());
    }
}
