package io.memtomem.core.bench;

import io.memtomem.core.Memtomem;
import io.memtomem.core.search.SearchRequest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a fresh store with the given provider and runs one search; run it under {@code -verbose:class} to count
 * which ML classes a start loads: {@code java -verbose:class ... StartupProbe none | grep -c onnxruntime}.
 */
public final class StartupProbe {

    public static void main(String[] args) throws Exception {
        String provider = args.length > 0 ? args[0] : "none";
        Path home = Files.createTempDirectory("mm-startup");
        Path memories = Files.createDirectories(home.resolve("memories"));
        long start = System.nanoTime();
        try (Memtomem memtomem = Memtomem.open(provider.equals("none")
                ? BenchStores.config(home, memories, "none", "", 0)
                : BenchStores.config(home, memories, "onnx", "all-MiniLM-L6-v2-q", 384))) {
            memtomem.search(SearchRequest.of("startup probe"));
        }
        System.out.printf("provider=%s: open + first search %.0f ms%n", provider, (System.nanoTime() - start) / 1e6);
    }
}
