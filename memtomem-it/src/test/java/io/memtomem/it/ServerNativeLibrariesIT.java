package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * sqlite-jdbc and JNA copy their native libraries into java.io.tmpdir on every start unless told where the
 * pre-extracted ones are; a killed server leaves each copy behind (1.1 MB for sqlite). The launcher passes them.
 */
class ServerNativeLibrariesIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void serverStartExtractsNoNativeLibraryIntoTheTempDir() throws IOException {
        List<Path> before = files(sandbox.tempDir());
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            // the first tool call opens the store: sqlite-jdbc loads its library, the lock layer loads JNA's
            server.callOk("mem_add", Map.of("content", "The staging database is rebuilt every Monday."));
            server.callOk("mem_search", Map.of("query", "staging database"));
        }
        assertEquals(before, files(sandbox.tempDir()), "files the server left in java.io.tmpdir");
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
