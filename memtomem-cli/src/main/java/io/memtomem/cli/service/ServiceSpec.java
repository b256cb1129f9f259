package io.memtomem.cli.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the installed service runs: {@code LAUNCHER --transport http --host HOST --port PORT} with the environment that
 * makes it find the installing user's Java and store. Paths and values may hold spaces, quotes or {@code %}, which every
 * platform writer escapes; a line break or other control character has no safe spelling in a unit file, a plist
 * string and a command line alike, so it is refused here.
 *
 * @param launcher the absolute {@code memtomem-server} launcher ({@code .cmd} on Windows)
 * @param storeDir the store the server serves (named in the service's description)
 * @param env      variables to set, sorted by name
 */
public record ServiceSpec(Path launcher, String host, int port, Path storeDir, Map<String, String> env) {
    public ServiceSpec {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storeDir, "storeDir");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
        env = Map.copyOf(env);
        requirePrintable("launcher path", launcher.toString());
        requirePrintable("--host", host);
        requirePrintable("store path", storeDir.toString());
        env.forEach((name, value) -> requirePrintable("environment variable " + name, name + value));
    }

    /** The command line, launcher first. */
    public List<String> command() {
        return List.of(launcher.toString(), "--transport", "http", "--host", host, "--port", Integer.toString(port));
    }

    /** The environment in a stable order, so the same install writes the same bytes. */
    public Map<String, String> sortedEnv() {
        return new TreeMap<>(env);
    }

    public String description() {
        return "memtomem MCP server (Streamable HTTP) for " + storeDir;
    }

    private static void requirePrintable(String what, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " holds a line break or another control character, which a "
                    + "service definition cannot carry");
        }
    }
}
