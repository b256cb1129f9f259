package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance for the release archive: unpacked into a directory whose path has a space, with nothing but
 * {@code JAVA_HOME} pointing at a Java (no java on PATH), {@code mm init}, {@code mm add}, {@code mm search} and an
 * MCP round trip work from there, and the server extracts no native library into the temp dir.
 */
class DistArchiveIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void unpackedArchiveRunsFromAPathWithASpaceWithOnlyJavaHome() throws Exception {
        Path install = unpack(sandbox.root().resolve("my tools"));
        assertArchiveContents(install);
        Path bin = install.resolve("bin");
        sandbox.putEnv("JAVA_HOME", System.getProperty("java.home"));
        sandbox.putEnv("PATH", pathWithoutJava().toString());
        List<Path> tempBefore = ServerNativeLibrariesIT.files(sandbox.tempDir());

        Mm.Result init = Mm.run(sandbox, Launchers.command(bin, "mm", "init", "--non-interactive", "--mcp", "json"))
                .assertOk();
        JsonNode entry = init.json().path("mcpServers").path("memtomem");
        if (Platform.WINDOWS) {
            assertEquals("cmd", entry.path("command").asText(), init.stdout());
            assertEquals(bin.resolve("memtomem-server.cmd").toString(), entry.path("args").get(1).asText());
        } else {
            assertEquals(bin.resolve("memtomem-server").toString(), entry.path("command").asText(), init.stdout());
        }
        assertEquals(System.getProperty("java.home"), entry.path("env").path("JAVA_HOME").asText(),
                "java is not on PATH, so the host is told where it is");

        Mm.run(sandbox, Launchers.command(bin, "mm", "add", "The staging database is rebuilt every Monday.",
                "--tags", "ops")).assertOk();
        assertContains(Mm.run(sandbox, Launchers.command(bin, "mm", "search", "staging database", "--json"))
                .assertOk().stdout(), "rebuilt every Monday");

        try (McpServerConnection server = McpServerConnection.start(sandbox, Launchers.command(bin, "memtomem-server"))) {
            assertContains(server.callOk("mem_search", Map.of("query", "staging database")), "rebuilt every Monday");
            server.callOk("mem_add", Map.of("content", "Release trains leave on Tuesdays."));
        }
        assertContains(Mm.run(sandbox, Launchers.command(bin, "mm", "search", "release trains")).assertOk().stdout(),
                "Release trains");
        assertEquals(tempBefore, ServerNativeLibrariesIT.files(sandbox.tempDir()),
                "native libraries extracted into java.io.tmpdir");
    }

    /** One lib/ for both front ends (one ONNX runtime), the legal files, and a NOTICE line for every bundled jar. */
    private static void assertArchiveContents(Path install) throws IOException {
        for (String file : List.of("README.md", "LICENSE", "NOTICE", "lib/classpath", "bin/mm", "bin/mm.cmd",
                "bin/memtomem-server", "bin/memtomem-server.cmd")) {
            assertTrue(Files.isRegularFile(install.resolve(file)), "missing " + file);
        }
        if (!Platform.WINDOWS) {
            assertTrue(Files.isExecutable(install.resolve("bin/mm")), "bin/mm is executable");
            assertTrue(Files.isExecutable(install.resolve("bin/memtomem-server")), "bin/memtomem-server is executable");
        }
        String notice = Files.readString(install.resolve("NOTICE"));
        List<String> onnxRuntimes = new ArrayList<>();
        try (Stream<Path> jars = Files.list(install.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                String name = jar.getFileName().toString();
                String artifact = name.replaceFirst("-\\d.*$", "");
                if (artifact.startsWith("onnxruntime")) {
                    onnxRuntimes.add(name);
                }
                assertTrue(artifact.startsWith("memtomem-") || notice.contains(artifact),
                        "NOTICE does not name the bundled " + name);
            }
        }
        assertEquals(1, onnxRuntimes.size(), "one ONNX runtime for mm and the server: " + onnxRuntimes);
        try (Stream<Path> dirs = Files.list(install.getParent())) {
            assertEquals(1, dirs.count(), "the archive unpacks into one top-level directory");
        }
    }

    /**
     * The .tar.gz with tar on POSIX (keeps the file modes the launchers need); the .zip on Windows. The two list
     * the same files.
     */
    private static Path unpack(Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        String base = System.getProperty("memtomem.dist.archive");
        Path zip = Path.of(base + ".zip");
        Path tar = Path.of(base + ".tar.gz");
        assertTrue(Files.isRegularFile(zip) && Files.isRegularFile(tar), "archives not built: " + base + ".{zip,tar.gz}");
        if (Platform.WINDOWS) {
            unzip(zip, into);
        } else {
            Process process = new ProcessBuilder("tar", "-xzf", tar.toString(), "-C", into.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, "tar failed: " + output);
        }
        Path install = into.resolve(Path.of(base).getFileName().toString());
        assertEquals(zipFiles(zip), unpackedFiles(into), "the zip and the tar.gz hold the same files");
        return install;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    private static Set<String> zipFiles(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static Set<String> unpackedFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** A PATH with the system tools the launchers use and no java: only JAVA_HOME can lead them to one. */
    private Path pathWithoutJava() throws IOException {
        if (Platform.WINDOWS) {
            return Path.of(System.getenv("SystemRoot"), "System32");
        }
        Path tools = Files.createDirectories(sandbox.root().resolve("tools"));
        for (String tool : List.of("dirname", "uname", "sed", "cat", "readlink", "head")) {
            Path found = which(tool);
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        return tools;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " not found on PATH");
    }
}
