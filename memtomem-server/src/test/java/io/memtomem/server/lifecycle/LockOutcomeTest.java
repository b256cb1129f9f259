package io.memtomem.server.lifecycle;

import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusWarning;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockOutcomeTest {
    private static final long OWN_PID = 100;
    private static final Path PID_FILE = Path.of("/run/memtomem/server-x.pid");
    private static final ServerBlock HOLDER_RUNNING = new ServerBlock(true, 4242L, "2026-03-30T01:02:03+00:00",
            PID_FILE, null);
    private static final ServerBlock NOBODY = new ServerBlock(false, null, null, null, null);
    private static final ServerBlock UNVERIFIED = new ServerBlock(false, null, null, PID_FILE, "OSError: EIO");

    @Test
    void aServerHoldingTheLockHasNoConcurrentWriterWarning() {
        assertEquals(Optional.empty(), LockOutcome.HELD.warning(HOLDER_RUNNING, OWN_PID));
    }

    @Test
    void aContendedServerNamesTheHolderThatTheProbeSees() {
        StatusWarning warning = LockOutcome.contendedBy(4000L).warning(HOLDER_RUNNING, OWN_PID).orElseThrow();
        assertEquals("concurrent_server_writers", warning.kind());
        assertTrue(warning.detail().startsWith("another memtomem server (pid 4242) holds this store's pid lock"),
                warning.detail());
        assertTrue(warning.detail().contains("this server (pid 100)"), warning.detail());
        assertTrue(warning.fix().startsWith("keep one server per store"), warning.fix());
    }

    @Test
    void aHolderThatHasGoneIsNoConcurrentWriter() {
        assertEquals(Optional.empty(), LockOutcome.contendedBy(4000L).warning(NOBODY, OWN_PID));
    }

    @Test
    void whenTheProbeCannotTellThePidReadAtStartIsReported() {
        assertTrue(LockOutcome.contendedBy(4000L).warning(UNVERIFIED, OWN_PID).orElseThrow().detail()
                .startsWith("another memtomem server (pid 4000) "));
        assertTrue(LockOutcome.contendedBy(null).warning(UNVERIFIED, OWN_PID).orElseThrow().detail()
                .startsWith("another memtomem server (pid unknown) "));
    }
}
