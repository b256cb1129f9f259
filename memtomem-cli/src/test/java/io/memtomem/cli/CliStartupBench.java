package io.memtomem.cli;

import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.common.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Wall time of {@code bin/mm status}, {@code bin/mm search}, {@code bin/mm add} as a user's shell sees it, beside
 * {@code java -version} (the floor any JVM start pays) in the same run. Not a test: run after {@code package} with
 * <pre>mvn -B -ntp -q -pl memtomem-cli exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.memtomem.cli.CliStartupBench [-Dexec.args=RUNS]</pre>
 */
public final class CliStartupBench {
    /** A lived-in day file: every add re-indexes the file it appends to, so its size is part of the cost. */
    private static final int SEED_ENTRIES = 30;

    private CliStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Files.createTempDirectory("mm-bench-");
        try {
            CliHarness cli = CliHarness.in(root);
            Launcher mm = new Launcher(cli);
            require(mm.run("init", "--non-interactive"));
            for (int i = 0; i < SEED_ENTRIES; i++) {
                require(mm.run("add", "Seed note " + i + " about deploys, certificates and failover drills"));
            }
            boolean archived = Files.exists(Launcher.script().getParent().resolve("../memtomem-cli/target/mm.jsa"));
            System.out.printf(Locale.ROOT, "%d runs each after 1 warm-up; store with %d entries; %s; load %s%n",
                    runs, SEED_ENTRIES, archived ? "AppCDS archive present" : "NO AppCDS archive", loadAverage());
            report("java -version", runs, i -> time(List.of(javaBinary(), "-version"), mm));
            report("mm status", runs, i -> time(Launcher.command("status"), mm));
            report("mm search", runs, i -> time(Launcher.command("search", "certificates failover"), mm));
            report("mm add", runs, i -> time(Launcher.command("add", "Bench entry " + i, "--tags", "ops"), mm));
        } finally {
            FileTrees.deleteRecursively(root);
        }
    }

    private static void report(String label, int runs, IntFunction<Long> once) {
        once.apply(-1);
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = once.apply(i);
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-14s p50 %4d ms   min %4d   max %4d%n", label, millis[runs / 2], millis[0],
                millis[runs - 1]);
    }

    private static long time(List<String> command, Launcher mm) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        mm.isolate(builder.environment());
        long start = System.nanoTime();
        try {
            int code = builder.start().waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Other processes on a 2-core machine inflate wall times; the 1-minute load average says by how much. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static String javaBinary() {
        String javaHome = System.getenv("JAVA_HOME");
        return javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))
                ? Path.of(javaHome, "bin", "java").toString() : "java";
    }

    private static void require(Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.toString());
        }
    }
}
