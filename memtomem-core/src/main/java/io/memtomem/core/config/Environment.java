package io.memtomem.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the configuration reads from the outside world, as a value, so tests can run against a temporary home
 * and a fake environment without touching the real {@code ~/.memtomem}.
 */
public record Environment(Path userHome, Map<String, String> env, Path cwd) {
    public Environment {
        userHome = Objects.requireNonNull(userHome, "userHome").toAbsolutePath().normalize();
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        cwd = Objects.requireNonNull(cwd, "cwd").toAbsolutePath().normalize();
    }

    /**
     * The running process: the home directory the way the Python reference's {@code expanduser} finds it (HOME on
     * POSIX, USERPROFILE on Windows) so a server and a CLI started with the same environment share one store, falling
     * back to {@code user.home}; the environment; {@code user.dir}.
     */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        String home = env.get(windows ? "USERPROFILE" : "HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new Environment(Path.of(home), env, Path.of(System.getProperty("user.dir")));
    }
}
