package io.memtomem.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.core.Version;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.testsupport.PidHolderMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The built {@code bin/mm} in real processes: what a user's shell runs. */
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper ";

    @TempDir
    Path temp;
    private CliHarness cli;
    private Launcher mm;

    @BeforeEach
    void setUp() {
        cli = CliHarness.in(temp);
        mm = new Launcher(cli);
    }

    @Test
    void versionMatchesTheCore() {
        Result result = mm.run("--version");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Version.current(), result.out().strip());
        assertEquals("", result.err(), "no JVM or CDS warnings leak into the output");
    }

    @Test
    void statusUnconfiguredExitsOneAndCreatesNothing() {
        Result result = mm.run("status");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("mm init"), result.err());
        assertFalse(Files.exists(cli.stateDir()));
    }

    @Test
    void addThenSearchRoundTripsThroughTheLauncher() throws Exception {
        assertEquals(0, mm.run("init", "--non-interactive").exitCode());
        Result added = mm.run("add", "The staging database is rebuilt every Sunday at 03:00 UTC", "--tags", "ops");
        assertEquals(0, added.exitCode(), added::toString);
        assertTrue(added.out().startsWith("Added to " + cli.stateDir().resolve("memories")), added.out());

        Result found = mm.run("search", "staging database rebuilt", "--json");
        assertEquals(0, found.exitCode(), found::toString);
        JsonNode hit = JSON.readTree(found.out()).get("results").get(0);
        assertTrue(hit.get("content").asText().contains("rebuilt every Sunday"), hit::toString);

        Result table = mm.run("search", "Sunday");
        assertTrue(table.out().contains("The staging database is rebuilt"), table.out());
    }

    /**
     * What a cold daily command must not load, each with what it cost a start when it did. A class named here that
     * a command loads again is a regression of its start-up.
     */
    private static final Map<String, String> COLD_START_CULPRITS = Map.of(
            OBJECT_MAPPER, "a Jackson ObjectMapper (30-50 ms; only --json needs one)",
            "java.lang.runtime.ObjectMethods ", "a record method linked through ObjectMethods (~15 ms of method handles)",
            "jdk.proxy", "an annotation proxy: picocli read annotations instead of the command model (~3 ms each)",
            "java.text.DecimalFormatSymbols ", "Formatter's %f, which loads the locale's decimal symbols (~5 ms)",
            "java.text.Normalizer ", "the Unicode normaliser for text that needs none (~2 ms)",
            "java.time.format.DateTimeFormatterBuilder ", "a pattern DateTimeFormatter (~3 ms)");

    @Test
    void searchStatusAndAddLoadNoneOfTheColdStartCulprits() throws Exception {
        mm.run("init", "--non-interactive");
        mm.run("add", "Certificates are rotated every 90 days", "--tags", "ops");
        for (String[] command : new String[][] {{"search", "certificates"}, {"status"},
                {"add", "Backups are tested every quarter", "--tags", "ops"}}) {
            String classes = classesLoadedBy(command);
            COLD_START_CULPRITS.forEach((culprit, cost) -> assertFalse(classes.contains(culprit),
                    String.join(" ", command) + " loaded " + cost));
        }
        assertTrue(classesLoadedBy("search", "certificates", "--json").contains(OBJECT_MAPPER),
                "the class log shows what --json loads");
    }

    /** picocli's converters for java.sql and java.time types, found by reflection, are not built: no option has one. */
    @Test
    void versionReflectsOnNoJavaSqlOrJavaTimeType() throws Exception {
        String classes = classesLoadedBy("--version");
        assertFalse(classes.contains("java.sql.Timestamp "), "a java.sql converter was built");
        assertFalse(classes.contains("java.time.MonthDay "), "a java.time converter was built");
    }

    /**
     * sqlite-jdbc lists its temp dir at every start to delete copies of its library left by other processes (~8 ms
     * with 900 files in /tmp). The launcher points it at the native dir instead, so a stale-looking copy in the
     * system temp dir is left where it is.
     */
    @Test
    void aStartLeavesTheSystemTempDirUnlisted() throws Exception {
        mm.run("init", "--non-interactive");
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path stale = Files.createFile(tmp.resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion()
                + "-00000000-0000-0000-0000-000000000000-libsqlitejdbc.so"));

        Result search = mm.runWithJavaOptions("-Djava.io.tmpdir=" + tmp, "search", "certificates");

        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(Files.exists(stale), "sqlite-jdbc cleaned the system temp dir");
    }

    /** A link in ~/bin to bin/mm finds the installation (the launcher resolves itself with shell built-ins). */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSymlinkToTheLauncherFromAnotherDirectoryFindsTheInstallation() throws Exception {
        Path link = Files.createDirectories(temp.resolve("home-bin")).resolve("mm");
        Files.createSymbolicLink(link, Launcher.script());

        Result version = mm.runVia(link, Map.of(), "--version");

        assertEquals(0, version.exitCode(), version::toString);
        assertEquals(Version.current(), version.out().strip());
    }

    /**
     * Without JAVA_HOME the launcher takes the first java on PATH, follows its symlinks to the runtime's release file
     * and so maps the AppCDS archive made for that Java: classes come from the archive, not the jars.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aJavaOnThePathBehindSymlinksIsFoundAndItsVersionRead() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("path-bin"));
        Path hop = Files.createSymbolicLink(dir.resolve("java-alternative"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(dir.resolve("java"), hop);
        Path classes = temp.resolve("classes.log");
        Map<String, String> env = Map.of("JAVA_HOME", "", "PATH", dir + ":" + System.getenv("PATH"),
                "MEMTOMEM_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

        Result version = mm.runWithEnvironment(env, "--version");

        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(Files.readString(classes).contains("io.memtomem.cli.Main source: shared objects file"),
                "the launcher did not map the archive of the Java it found");
    }

    /** A Java older than 17, told by its release file, is refused by name before any JVM starts. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aJavaOlderThan17IsRefusedWithTheVersionItHas() throws Exception {
        for (String release : new String[] {"11.0.2", "1.8.0_392"}) {
            Path home = Files.createDirectories(temp.resolve("jdk-" + release).resolve("bin")).getParent();
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + release + "\"\n");
            Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 3\n");
            java.toFile().setExecutable(true);

            Result refused = mm.runWithEnvironment(Map.of("JAVA_HOME", home.toString()), "--version");

            String major = release.startsWith("1.") ? "8" : "11";
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("memtomem needs Java 17 or newer; found Java " + major), refused.err());
        }
    }

    /** JNA looks for libc with {@code ldconfig -p} unless told where it is: a process per start that takes a lock. */
    @Test
    void statusAndAddStartNoChildProcess() throws Exception {
        mm.run("init", "--non-interactive");
        for (String[] command : new String[][] {{"status"}, {"add", "Certificates are rotated every 90 days"}}) {
            assertFalse(classesLoadedBy(command).contains("java.lang.ProcessImpl "),
                    String.join(" ", command) + " started a process");
        }
    }

    /** The JVM's class-load log of one {@code mm} run, which must succeed. */
    private String classesLoadedBy(String... command) throws Exception {
        Path classes = temp.resolve("classes.log");
        Result result = mm.runWithJavaOptions("-Xlog:class+load=info:file=" + classes, command);
        assertEquals(0, result.exitCode(), result::toString);
        return Files.readString(classes);
    }

    /**
     * Java 25+: the launcher makes the JDK's AOT cache once (a training run) and maps it from then on. Finds the JDK
     * through {@code -Dmemtomem.it.java25=DIR}, else Temurin 25 where these machines have it.
     */
    @Test
    void onJava25TheLauncherMakesTheAotCacheOnceAndMapsIt() throws Exception {
        Path java25 = Path.of(System.getProperty("memtomem.it.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(java25.resolve("bin/java")),
                "no Java 25 at " + java25 + " (-Dmemtomem.it.java25)");
        Map<String, String> onJava25 = Map.of("JAVA_HOME", java25.toString());
        assertEquals(0, mm.runWithEnvironment(onJava25, "init", "--non-interactive").exitCode());
        Path target = Launcher.script().getParent().resolveSibling("memtomem-cli/target");
        try (var caches = Files.list(target)) {
            assertTrue(caches.anyMatch(file -> file.getFileName().toString().matches("mm-25[.0-9]*\\.aot")),
                    "no mm-25*.aot in " + target);
        }
        Path classes = temp.resolve("classes.log");
        Result found = mm.runWithEnvironment(Map.of("JAVA_HOME", java25.toString(),
                "MEMTOMEM_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "search", "anything");
        assertEquals(0, found.exitCode(), found::toString);
        assertFalse(found.err().contains("preparing a faster start"), "made once, not on every start: " + found.err());
        String searchCommand = Files.readAllLines(classes).stream()
                .filter(line -> line.contains("io.memtomem.cli.search.SearchCommand ")).findFirst().orElseThrow();
        assertTrue(searchCommand.contains("shared objects file"), searchCommand);
    }

    @Test
    void addReadsStdinThroughTheLauncher() throws Exception {
        mm.run("init", "--non-interactive");
        assertEquals(0, mm.runWithStdin("Piped memory about kafka retention\n", "add", "-").exitCode());
        assertEquals(1, JSON.readTree(mm.run("search", "kafka retention", "--json").out()).get("results").size());
    }

    @Test
    void statusReportsARealHolderAsRunningWithItsPid() throws Exception {
        mm.run("init", "--non-interactive");
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.storePidFile());
        try {
            Result result = mm.run("status", "--json");
            assertEquals(0, result.exitCode(), result::toString);
            JsonNode server = JSON.readTree(result.out()).get("server");
            assertTrue(server.get("running").asBoolean(), server::toString);
            assertEquals(holder.heldPid(), server.get("pid").asLong());
        } finally {
            Holders.release(holder);
        }
        JsonNode after = JSON.readTree(mm.run("status", "--json").out()).get("server");
        assertFalse(after.get("running").asBoolean(), after::toString);
    }

    @Test
    void uninstallRefusesWhileAServerRuns() throws Exception {
        mm.run("init", "--non-interactive");
        mm.run("add", "keep me while the server runs");
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.storePidFile());
        try {
            Result result = mm.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Server still running (pid " + holder.heldPid() + ")"), result.err());
            assertTrue(Files.exists(cli.stateDir().resolve("memtomem.db")));
        } finally {
            Holders.release(holder);
        }
        Result afterStop = mm.run("uninstall", "-y");
        assertEquals(0, afterStop.exitCode(), afterStop::toString);
        assertFalse(Files.exists(cli.stateDir()));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the legacy exclusive holder is a POSIX flock scenario")
    void uninstallRefusesWhileALegacyExclusiveHolderRuns() throws Exception {
        mm.run("init", "--non-interactive");
        PidHolderMain.Started holder = Holders.hold(cli, PidFileNames.legacyPidFile(cli.home()));
        try {
            Result result = mm.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Server still running"), result.err());
        } finally {
            Holders.release(holder);
        }
    }

    @Test
    void uninstallRefusesWhenLivenessCannotBeVerified() throws Exception {
        mm.run("init", "--non-interactive");
        cli.createRuntimeDir();
        Files.createDirectory(cli.storePidFile());
        Result result = mm.run("uninstall", "-y");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Cannot verify whether a memtomem server is running"), result.err());
        assertTrue(Files.exists(cli.stateDir().resolve("config.json")));
    }

    @Test
    void uninstallRefusesWhileAnotherProcessHoldsAWriteTransaction() throws Exception {
        mm.run("init", "--non-interactive");
        mm.run("add", "make the database exist");
        Path db = cli.config().storage().sqlitePath();
        try (Connection writer = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            Result result = mm.run("uninstall", "-y");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("holds a write lock on " + db), result.err());
            statement.execute("ROLLBACK");
        }
        assertTrue(Files.exists(db));
    }

    @Test
    void uninstallWithoutATerminalAndWithoutYesRefuses() {
        mm.run("init", "--non-interactive");
        Result result = mm.run("uninstall");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("non-interactive shell"), result.err());
        assertTrue(Files.exists(cli.stateDir().resolve("config.json")));
    }

    @Test
    void aUsageErrorExitsTwoThroughTheLauncher() {
        Result result = mm.run("search", "--bogus");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }
}
