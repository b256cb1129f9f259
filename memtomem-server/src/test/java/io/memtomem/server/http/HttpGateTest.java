package io.memtomem.server.http;

import io.memtomem.core.remote.HttpToken;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpGateTest {
    @TempDir
    Path store;

    @Test
    void loopbackNamesPassAndAForeignOriginOrHostIsRefused() {
        var validator = new HttpGate("127.0.0.1", null).originAndHost();
        assertDoesNotThrow(() -> validator.validateHeaders(Map.of("Host", List.of("127.0.0.1:8765"),
                "Origin", List.of("http://localhost:8765"))));
        assertDoesNotThrow(() -> validator.validateHeaders(Map.of("Host", List.of("localhost:8765"))));
        assertThrows(ServerTransportSecurityException.class, () -> validator.validateHeaders(
                Map.of("Host", List.of("127.0.0.1:8765"), "Origin", List.of("http://evil.example"))));
        assertThrows(ServerTransportSecurityException.class, () -> validator.validateHeaders(
                Map.of("Host", List.of("evil.example:8765"))));
    }

    @Test
    void aNonLoopbackServerRequiresTheCurrentTokenKeptOwnerOnly() throws Exception {
        String token = HttpToken.readOrCreate(store);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(HttpToken.file(store))));
        HttpGate gate = new HttpGate("0.0.0.0", store);
        assertTrue(gate.authorized("Bearer " + token));
        assertFalse(gate.authorized(null));
        assertFalse(gate.authorized("Bearer wrong"));
        String rotated = HttpToken.rotate(store);
        assertFalse(gate.authorized("Bearer " + token), "a rotated token stops working at once");
        assertTrue(gate.authorized("bearer " + rotated));
        assertTrue(new HttpGate("127.0.0.1", null).authorized(null), "loopback needs no token");
    }
}
