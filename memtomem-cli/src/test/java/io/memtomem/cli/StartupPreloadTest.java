package io.memtomem.cli;

import io.memtomem.locking.Os;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class StartupPreloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"status", "doctor", "uninstall", "add", "edit", "delete"})
    void commandsThatProbeTheLockOrLockAFileLoadTheNativeLockLibraryWhilePicocliBuilds(String command)
            throws InterruptedException {
        Os os = mock(Os.class);

        StartupPreload.forCommand(command, os).start().join();

        verify(os).effectiveUid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"search", "recall", "list", "read", "index", "config"})
    void readingCommandsLeaveTheNativeLockLibraryUnloaded(String command) throws InterruptedException {
        Os os = mock(Os.class);

        StartupPreload.forCommand(command, os).start().join();

        verify(os, never()).effectiveUid();
    }
}
