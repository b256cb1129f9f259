package io.memtomem.cli;

import io.memtomem.core.store.Database;
import io.memtomem.core.write.MemoryWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a single command will load anyway, loaded on a second thread while the main thread builds picocli's model
 * (~40 ms): the configuration for a command that reads it first ({@link ConfigLoad}), sqlite-jdbc for every command
 * that opens the store, JNA (~15 ms cold) for those that probe the pid lock or take a sidecar {@code flock}, and
 * what a first write pays for once ({@link MemoryWriter#preload()}) for those that write text.
 * The order follows the command's own: status probes the lock before it opens the store, a write opens the store
 * before it locks the file. Problems are left to the real use.
 */
final class StartupPreload {
    /** Commands whose first native call is the lock probe (the uid names the runtime dir), before the store. */
    private static final Set<String> PROBE_FIRST = Set.of("status", "doctor", "uninstall");
    /** Commands that open the store and then lock a markdown file. */
    private static final Set<String> LOCK_AFTER = Set.of("add", "edit", "delete");
    /** Commands that write text (through the redaction gate): the write side is preloaded after JNA. */
    private static final Set<String> WRITES_TEXT = Set.of("add", "edit");
    /**
     * Commands whose first use of the configuration is a read (init, config and the like may write it first) and
     * whose other preloading is short: with JNA and the write side too, the preload thread would finish after the
     * main thread needs them (measured: mm add and mm status were no faster).
     */
    private static final Set<String> READS_CONFIG_FIRST =
            Set.of("search", "list", "read", "recall", "index", "embed");

    /** What the preload thread can do, in the order a command lists them. */
    private enum Step {
        CONFIG, SQLITE, JNA, WRITER
    }

    private final CliContext context;
    private final List<Step> steps;

    private StartupPreload(CliContext context, List<Step> steps) {
        this.context = context;
        this.steps = steps;
    }

    /*
     * No lambda, method reference or FutureTask up to the thread's start, here or in ConfigLoad: the first of them in
     * a process sets up the JDK's lambda and VarHandle machinery (~6 ms), which the preload thread then pays while
     * the main thread builds picocli's model, instead of the main thread before it.
     */
    static StartupPreload forCommand(String command, CliContext context) {
        List<Step> steps = new ArrayList<>();
        if (READS_CONFIG_FIRST.contains(command)) {
            context.configLoad().expectReadAhead();
            steps.add(Step.CONFIG);
        }
        if (PROBE_FIRST.contains(command)) {
            steps.add(Step.JNA);
            steps.add(Step.SQLITE);
        } else {
            steps.add(Step.SQLITE);
            if (LOCK_AFTER.contains(command)) {
                steps.add(Step.JNA);
            }
        }
        if (WRITES_TEXT.contains(command)) {
            steps.add(Step.WRITER);
        }
        return new StartupPreload(context, steps);
    }

    /**
     * Starts the loading on a daemon thread, which it returns. A command never waits for it, except for a
     * configuration it reads ahead, which the first ask takes (or reads itself if the thread has not begun).
     */
    Thread start() {
        Thread preload = new Thread(new Loader(), "memtomem-preload");
        preload.setDaemon(true);
        preload.start();
        return preload;
    }

    private final class Loader implements Runnable {
        @Override
        public void run() {
            for (Step step : steps) {
                try {
                    switch (step) {
                        case CONFIG -> context.configLoad().readAhead();
                        case SQLITE -> Database.preload();
                        case JNA -> context.os().effectiveUid(); // geteuid() through JNA on POSIX; none on Windows
                        case WRITER -> MemoryWriter.preload();
                    }
                } catch (RuntimeException | LinkageError leftToTheRealUse) {
                    return;
                }
            }
        }
    }
}
