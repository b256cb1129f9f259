package io.memtomem.cli.training;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.Main;
import io.memtomem.cli.common.FileTrees;
import io.memtomem.core.config.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Hidden; run once at build time under {@code -XX:ArchiveClassesAtExit} so the AppCDS archive holds the classes
 * of every daily command, and to pre-extract the native libraries. Works on a throw-away HOME, prints nothing but
 * a warning, and always exits 0: a failed step only means mm starts slower, which must never fail the build.
 */
@Command(name = "cds-training", hidden = true, description = "Build-time AppCDS training run (internal).")
public final class CdsTrainingCommand implements Callable<Integer> {
    /** One command of the training script and the exit code it must give. */
    private record Step(ExitCode expected, String... args) {
        static Step ok(String... args) {
            return new Step(ExitCode.OK, args);
        }
    }

    private static final List<Step> SCRIPT = List.of(
            Step.ok("--help"),
            Step.ok("init", "--non-interactive"),
            Step.ok("add", "Deploys are frozen on Fridays after 15:00", "--tags", "ops"),
            Step.ok("search", "deploy freeze"),
            Step.ok("search", "deploy", "--json"),
            Step.ok("status"),
            Step.ok("status", "--json"),
            Step.ok("index", ".memtomem/memories"),
            Step.ok("list"),
            Step.ok("recall"),
            Step.ok("config", "show"),
            new Step(ExitCode.REFUSED_OR_USAGE, "search", "--no-such-flag"),
            Step.ok("demo"),
            Step.ok("uninstall", "-y"));

    private final CliContext context;

    @Option(names = "--native-dir", paramLabel = "DIR", description = "Also extract the native libraries here.")
    private Path nativeDir;

    public CdsTrainingCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> failures = new ArrayList<>();
        if (nativeDir != null) {
            try {
                NativeLibraries.extractTo(nativeDir);
            } catch (IOException | RuntimeException e) {
                failures.add("native libraries: " + e);
            }
        }
        try {
            Path home = Files.createTempDirectory("mm-cds-training-");
            try {
                PrintWriter discard = new PrintWriter(Writer.nullWriter());
                // a MEMTOMEM_* variable, as bin/mm users have, so the archive holds the environment layer's path too
                CliContext quiet = new CliContext(new Environment(home, Map.of("MEMTOMEM_JAVA_OPTS", ""), home),
                        context.os(), InputStream.nullInputStream(), false, discard, discard);
                for (Step step : SCRIPT) {
                    int code = Main.run(quiet, step.args());
                    if (code != step.expected().code()) {
                        failures.add(String.join(" ", step.args()) + " -> exit " + code);
                    }
                }
            } finally {
                FileTrees.deleteRecursively(home);
            }
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
        }
        if (!failures.isEmpty()) {
            context.err().println("Warning: launch preparation incomplete (mm works, it only starts slower): "
                    + String.join("; ", failures));
        }
        return ExitCode.OK.code();
    }
}
