package io.memtomem.cli.uninstall;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Prompt;
import io.memtomem.cli.common.Text;
import io.memtomem.cli.service.InstalledService;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.LifecycleBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code mm uninstall} (locking.md §7, HEAD order): inventory first, then every refusal with nothing deleted,
 * confirmation, a re-check, and an all-or-nothing staged deletion.
 */
@Command(name = "uninstall", description = {
        "Remove memtomem's state: ~/.memtomem and this store's pid files.",
        "Prints what will be removed and kept first. Refuses (exit 2, nothing deleted) while a server or another "
                + "writer uses the store. Memory dirs outside ~/.memtomem and MCP host configs are never touched; a "
                + "database outside it is kept unless --include-external-db is given."})
public final class UninstallCommand implements Callable<Integer> {
    private final CliContext context;
    private final StagedDeletion.Mover mover;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
    private boolean yes;

    @Option(names = "--keep-data", description = "Keep the database (+ -wal/-shm) and ~/.memtomem/memories.")
    private boolean keepData;

    @Option(names = "--keep-config", description = "Keep config.json, config.d/ and config backups.")
    private boolean keepConfig;

    @Option(names = "--include-external-db", description = "Also delete a database that storage.sqlite_path puts "
            + "outside ~/.memtomem (with its -wal/-shm). A file that is not a SQLite database is never deleted.")
    private boolean includeExternalDb;

    @Option(names = "--force", description = "Delete even while a pid-file lock or a DB write lock is held "
            + "(POSIX only; ignored on Windows, which cannot delete files in use).")
    private boolean force;

    public UninstallCommand(CliContext context) {
        this(context, StagedDeletion.ATOMIC_RENAME);
    }

    UninstallCommand(CliContext context, StagedDeletion.Mover mover) {
        this.context = context;
        this.mover = mover;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        Path stateDir = context.home().resolve(".memtomem");
        Path dbPath = dbPath(stateDir);
        StoreGates gates = probe(dbPath);
        if (!Inventory.exists(stateDir) && !Inventory.exists(dbPath)) {
            out.println("No memtomem state to remove.");
            printProgramHint(out);
            return ExitCode.OK.code();
        }
        if (gates.server().probeWarning() != null) {
            warn("narrowed runtime inventory: " + gates.server().probeWarning());
        }
        Inventory inventory = Inventory.collect(stateDir, dbPath, RuntimePidFiles.of(context.os(), dbPath),
                includeExternalDb);
        new InventoryPrinter(out, context.home()).print(inventory, keepData, keepConfig);
        printExternalIntegrations(out);
        printProgramHint(out);

        Optional<InstalledService> service = InstalledService.find(context);
        if (service.isPresent()) {
            // its service manager would start a server on the store again, right after (or during) the deletion
            return refuse(new Refusal(List.of("A memtomem " + service.get().displayName() + " is installed ("
                    + service.get().definition() + "): it restarts the server on this store.",
                    "Remove it first: mm service uninstall; --force does not override this check.")));
        }
        boolean windows = context.os().isWindows();
        Optional<Refusal> refusal = Refusal.check(gates, force, windows);
        if (refusal.isPresent()) {
            return refuse(refusal.get());
        }
        if (force && gates.inUse()) {
            warn("--force: deleting although the store may still be in use.");
        }
        List<Entry> plan = inventory.toDelete(keepData, keepConfig);
        if (plan.isEmpty()) {
            out.println("Nothing to delete with the current flags.");
            return ExitCode.OK.code();
        }
        if (!yes) {
            if (!context.interactive()) {
                return refuse(new Refusal(List.of("Refusing to delete without confirmation in a non-interactive "
                        + "shell. Pass -y to confirm.")));
            }
            if (!new Prompt(out, context.stdin()).confirm("Proceed with state deletion?")) {
                out.println("Cancelled — no files were touched.");
                return ExitCode.ERROR.code();
            }
        }
        // no server can open a store while the barrier is held exclusively, and none that has one open lets go of its
        // shared hold: under it, the re-check below stays true until the deletion is done
        Optional<LifecycleBarrier> barrier;
        try {
            barrier = LifecycleBarrier.exclusive(context.os(), LifecycleBarrier.BUDGET);
        } catch (IOException | RuntimeException e) {
            return refuse(new Refusal(List.of("The lifecycle barrier could not be used (" + e.getMessage() + ").",
                    "Repair the memtomem runtime directory, then retry; --force does not override this check.")));
        }
        if (barrier.isEmpty()) {
            return refuse(new Refusal(List.of("A memtomem server (or another uninstall) is holding the lifecycle "
                    + "barrier: it has a store open.", "Stop it, then retry; --force does not override this check.")));
        }
        try (LifecycleBarrier held = barrier.get()) {
            // the prompt may have waited for minutes: whatever was checked before it is stale now
            Optional<Refusal> late = Refusal.check(probe(dbPath), force, windows);
            if (late.isPresent()) {
                return refuse(late.get().becameActive());
            }
            return delete(inventory, plan);
        }
    }

    private int delete(Inventory inventory, List<Entry> plan) {
        StagedDeletion deletion = new StagedDeletion(mover, ProcessHandle.current().pid());
        try {
            deletion.stage(plan);
        } catch (StagedDeletion.Failure failure) {
            return refuse(new Refusal(failure.lines()));
        }
        deletion.purge().forEach(this::warn);
        Set<String> removed = new LinkedHashSet<>();
        plan.forEach(entry -> removed.add(entry.group().summaryLabel()));
        // the runtime dir stays: it is the rendezvous of every store's server, one may be starting right now
        if (inventory.dbLivesInStateDir() && deleteIfEmpty(inventory.stateDir())) {
            removed.add("state dir");
        }
        context.out().println("Removed: " + String.join(", ", removed) + ".");
        return ExitCode.OK.code();
    }

    /** The configured DB, or the default one when config.json cannot be read (uninstall must still work then). */
    private Path dbPath(Path stateDir) {
        try {
            return context.loadConfig().storage().sqlitePath();
        } catch (MemtomemException unreadable) {
            warn("config unreadable, using defaults: " + unreadable.getMessage());
            return stateDir.resolve("memtomem.db");
        }
    }

    private StoreGates probe(Path dbPath) {
        return new StoreGates(dbPath, context.serverState(dbPath), DbWriteLock.probe(dbPath),
                InstanceRegistry.enumerate(context.os()));
    }

    private int refuse(Refusal refusal) {
        List<String> lines = refusal.lines();
        context.err().println(context.palette().red(lines.get(0)));
        lines.subList(1, lines.size()).forEach(context.err()::println);
        return ExitCode.REFUSED_OR_USAGE.code();
    }

    private void warn(String message) {
        context.err().println(context.palette().yellow("Warning: ") + message);
    }

    private void printExternalIntegrations(PrintWriter out) {
        List<Path> configs = ExternalIntegrations.find(context.home(), context.environment().cwd());
        if (!configs.isEmpty()) {
            out.println();
            out.println("External integrations (NOT touched — remove their memtomem entry yourself):");
            configs.forEach(config -> out.println("  " + Text.tilde(config, context.home())));
        }
    }

    /** mm is a jar built from a checkout, not a package: say where it is, since uninstall leaves it in place. */
    private static void printProgramHint(PrintWriter out) {
        out.println();
        out.println("Binary install detected: mm runs from " + programLocation());
        out.println("It is not removed; delete that build (or its checkout) yourself if you no longer need mm.");
    }

    private static String programLocation() {
        CodeSource source = UninstallCommand.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "an unknown location";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException notAFile) {
            return source.getLocation().toString();
        }
    }

    private static boolean deleteIfEmpty(Path dir) {
        try {
            return Files.deleteIfExists(dir);
        } catch (IOException notEmptyOrBusy) {
            return false;
        }
    }
}
