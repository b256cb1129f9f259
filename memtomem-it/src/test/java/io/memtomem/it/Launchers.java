package io.memtomem.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines of the built launchers in {@code bin/}, exactly what a user or an MCP host runs. */
final class Launchers {
    private Launchers() {
    }

    static Path repoRoot() {
        String root = System.getProperty("memtomem.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property memtomem.repo.root is unset: run the ITs through Maven");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static List<String> server(String... args) {
        return command("memtomem-server", args);
    }

    static List<String> mm(String... args) {
        return command("mm", args);
    }

    private static List<String> command(String name, String... args) {
        return command(repoRoot().resolve("bin"), name, args);
    }

    /** The launcher {@code name} in {@code bin} (e.g. of an unpacked release archive), with its arguments. */
    static List<String> command(Path bin, String name, String... args) {
        Path launcher = bin.resolve(Platform.WINDOWS ? name + ".cmd" : name);
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("launcher missing: " + launcher);
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return command;
    }
}
