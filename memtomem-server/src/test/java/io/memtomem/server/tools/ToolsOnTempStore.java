package io.memtomem.server.tools;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base of the handler-level tests: a fresh {@link ToolHarness} on a temporary home for every test, closed after it. */
abstract class ToolsOnTempStore {
    @TempDir
    Path home;
    ToolHarness tools;

    @BeforeEach
    void open() {
        tools = new ToolHarness(home);
    }

    @AfterEach
    void close() {
        tools.close();
    }
}
