package io.memtomem.it;

import io.memtomem.locking.PidFileNames;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One test's private world: a temp root holding its HOME (so the store is {@code <home>/.memtomem}), its temp dir
 * and its runtime dir (the test-only override, so a developer's real server can never gate a test), the environment
 * every child gets, and the {@link Processes} that die with the test. Register with {@code @RegisterExtension}.
 */
final class Sandbox implements BeforeEachCallback, AfterEachCallback {
    private final Processes processes = new Processes();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private Path root;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        // real path: macOS hands out /var/... which is a symlink to /private/var/...
        root = Files.createTempDirectory("memtomem-it-").toRealPath();
        if (root.toString().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException("the launchers split MEMTOMEM_JAVA_OPTS on spaces, found one in " + root);
        }
        Files.createDirectories(home());
        Files.createDirectories(tempDir());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        processes.killAll();
        if (context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent()) {
            System.err.println("[it] " + context.getDisplayName() + " failed; its files are kept in " + root);
        } else {
            deleteTree(root);
        }
    }

    Processes processes() {
        return processes;
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path tempDir() {
        return root.resolve("tmp");
    }

    Path runtimeDir() {
        return root.resolve("runtime");
    }

    Path storeDir() {
        return home().resolve(".memtomem");
    }

    Path dbPath() {
        return storeDir().resolve("memtomem.db");
    }

    Path memoriesDir() {
        return storeDir().resolve("memories");
    }

    /** The store-scoped pid file the server holds, named by the locking library itself. */
    Path pidFile() {
        return runtimeDir().resolve(PidFileNames.forStore(dbPath()));
    }

    /** Adds or overrides a variable for every child started afterwards, e.g. {@code MEMTOMEM_INDEXING__MEMORY_DIRS}. */
    void putEnv(String name, String value) {
        extraEnv.put(name, value);
    }

    /** Points the store at other memory dirs (the first is where writes go) for every child started afterwards. */
    void useMemoryDirs(Path... dirs) {
        var json = RawMcpSession.JSON.createArrayNode();
        for (Path dir : dirs) {
            json.add(dir.toString());
        }
        putEnv("MEMTOMEM_INDEXING__MEMORY_DIRS", json.toString());
    }

    /** Writes an empty {@code config.json}: the store counts as set up ({@code mm status} requires it). */
    void configure() {
        try {
            Files.createDirectories(storeDir());
            Files.writeString(storeDir().resolve("config.json"), "{}\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The inherited environment minus anything that could point a child at the developer's own store or runtime
     * dir (MEMTOMEM_*, XDG_*), with HOME, USERPROFILE and the temp variables redirected into this sandbox.
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            if (!upper.startsWith("MEMTOMEM_") && !upper.startsWith("_MEMTOMEM_") && !upper.startsWith("XDG_")) {
                env.put(name, value);
            }
        });
        String home = home().toString();
        String temp = tempDir().toString();
        env.put("HOME", home);
        env.put("USERPROFILE", home);
        env.put("TMPDIR", temp);
        env.put("TMP", temp);
        env.put("TEMP", temp);
        // The JVM takes user.home from the password database, not HOME. It points at a decoy here: code that reads
        // it instead of HOME/USERPROFILE (the contract) writes where the tests' checks of <home>/.memtomem notice,
        // and never into the developer's real home. java.io.tmpdir ignores TMPDIR on POSIX, so it is pinned too.
        env.put("MEMTOMEM_JAVA_OPTS", "-Duser.home=" + root.resolve("user-home-decoy") + " -Djava.io.tmpdir=" + temp);
        env.put("_MEMTOMEM_TEST_MODE", "1");
        env.put("_MEMTOMEM_TEST_RUNTIME_DIR", runtimeDir().toString());
        env.putAll(extraEnv);
        return env;
    }

    /** A builder for {@code command} with this sandbox's environment, started in the sandbox root. */
    ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        return builder;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[it] could not remove " + root + ": " + e);
        }
    }
}
