package io.memtomem.cli;

import io.memtomem.locking.testsupport.PidHolderMain;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts real holder processes (PidHolderMain from the locking test-jar) for "a server is running" tests. */
public final class Holders {
    private Holders() {
    }

    /** A process holding the flock of {@code pidFile} (in the harness runtime dir, created 0700 as servers do). */
    public static PidHolderMain.Started holdInRuntimeDir(CliHarness cli, Path pidFile) throws Exception {
        PidHolderMain.Started holder = PidHolderMain.start(
                List.of("--in-runtime-dir", pidFile.getFileName().toString()), cli.runtimeEnv());
        assertTrue(holder.held(), holder.statusLine());
        return holder;
    }

    /** A process holding the flock of an arbitrary file (e.g. the legacy ~/.memtomem/.server.pid). */
    public static PidHolderMain.Started hold(CliHarness cli, Path file) throws Exception {
        PidHolderMain.Started holder = PidHolderMain.start(file, cli.runtimeEnv());
        assertTrue(holder.held(), holder.statusLine());
        return holder;
    }

    /** Releases the lock (stdin EOF) and waits for the holder to exit; kills it if it does not. */
    public static void release(PidHolderMain.Started holder) throws Exception {
        try {
            holder.process().closeStdin();
            holder.process().awaitExit();
        } finally {
            holder.process().close();
        }
    }
}
