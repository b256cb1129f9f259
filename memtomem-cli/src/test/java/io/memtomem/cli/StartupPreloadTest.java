package io.memtomem.cli;

import io.memtomem.core.config.Environment;
import io.memtomem.locking.Os;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class StartupPreloadTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"status", "doctor", "uninstall", "add", "edit", "delete"})
    void commandsThatProbeTheLockOrLockAFileLoadTheNativeLockLibraryWhilePicocliBuilds(String command)
            throws InterruptedException {
        Os os = mock(Os.class);

        StartupPreload.forCommand(command, context(os)).start().join();

        verify(os).effectiveUid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"search", "recall", "list", "read", "index", "config"})
    void readingCommandsLeaveTheNativeLockLibraryUnloaded(String command) throws InterruptedException {
        Os os = mock(Os.class);

        StartupPreload.forCommand(command, context(os)).start().join();

        verify(os, never()).effectiveUid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"search", "list", "recall"})
    void aCommandThatReadsTheConfigurationFirstGetsTheCopyReadAheadThenFreshReads(String command)
            throws Exception {
        writeTopK(7);
        CliContext context = context(mock(Os.class));

        StartupPreload.forCommand(command, context).start().join();
        writeTopK(9);

        assertEquals(7, context.loadConfig().search().defaultTopK(), "the first ask takes the read-ahead");
        assertEquals(9, context.loadConfig().search().defaultTopK(), "later asks read the file again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "config", "uninstall", "demo", "status", "add"})
    void aCommandThatMayWriteTheConfigurationFirstOrPreloadsMuchElseReadsNothingAhead(String command) throws Exception {
        writeTopK(7);
        CliContext context = context(mock(Os.class));

        StartupPreload.forCommand(command, context).start().join();
        writeTopK(9);

        assertEquals(9, context.loadConfig().search().defaultTopK());
    }

    @Test
    void aReadAheadNoCommandTookIsForgottenAtTheEndOfTheRun() throws Exception {
        writeTopK(7);
        CliContext context = context(mock(Os.class));
        StartupPreload.forCommand("search", context).start().join();

        context.configLoad().forget();
        writeTopK(9);

        assertEquals(9, context.loadConfig().search().defaultTopK());
    }

    @Test
    void aReadAheadThatFailedFailsTheFirstAskWithTheSameError() throws Exception {
        Files.createDirectories(home.resolve(".memtomem"));
        Files.writeString(home.resolve(".memtomem/config.json"), "{ not json");
        CliContext context = context(mock(Os.class));
        StartupPreload.forCommand("search", context).start().join();

        RuntimeException ahead = assertThrows(RuntimeException.class, context::loadConfig);
        RuntimeException fresh = assertThrows(RuntimeException.class, context::loadConfig);

        assertEquals(fresh.getClass(), ahead.getClass());
        assertEquals(fresh.getMessage(), ahead.getMessage());
    }

    private void writeTopK(int topK) throws IOException {
        Files.createDirectories(home.resolve(".memtomem"));
        Files.writeString(home.resolve(".memtomem/config.json"), "{\"search\": {\"default_top_k\": " + topK + "}}");
    }

    private CliContext context(Os os) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return new CliContext(new Environment(home, Map.of(), home), os, InputStream.nullInputStream(), false,
                discard, discard);
    }
}
