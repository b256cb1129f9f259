package io.memtomem.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Base of the command tests that run against a store made by {@code mm init --non-interactive} in a temp home;
 * a subclass's own {@code @BeforeEach} runs after the store exists.
 */
public abstract class InitializedStoreTest {
    @TempDir
    protected Path temp;
    protected CliHarness cli;

    @BeforeEach
    void initStore() {
        cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
    }
}
