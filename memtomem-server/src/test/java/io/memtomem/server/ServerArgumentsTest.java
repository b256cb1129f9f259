package io.memtomem.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerArgumentsTest {

    @Test
    void stdioIsTheDefaultAndHttpListensOnLoopback8765() throws Exception {
        assertFalse(ServerArguments.parse().http());
        assertEquals(new ServerArguments(true, "127.0.0.1", 8765), ServerArguments.parse("--transport", "http"));
        assertEquals(new ServerArguments(true, "0.0.0.0", 9000),
                ServerArguments.parse("--transport=http", "--host", "0.0.0.0", "--port=9000"));
        assertTrue(ServerArguments.parse("--transport", "streamable-http").http());
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertTrue(assertThrows(ServerArguments.Invalid.class, () -> ServerArguments.parse("--transport", "sse"))
                .getMessage().contains("stdio or http"));
        assertTrue(assertThrows(ServerArguments.Invalid.class, () -> ServerArguments.parse("--port", "1"))
                .getMessage().contains("--transport http only"));
        assertTrue(assertThrows(ServerArguments.Invalid.class,
                () -> ServerArguments.parse("--transport", "http", "--port", "70000")).getMessage().contains("65535"));
        assertTrue(assertThrows(ServerArguments.Invalid.class, () -> ServerArguments.parse("--verbose"))
                .getMessage().contains("unknown argument"));
    }
}
