package io.memtomem.core.bench;

import io.memtomem.core.Memtomem;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;

import java.nio.file.Path;
import java.util.Map;

/** Throw-away stores for the benchmarks: HOME is a temp dir, the embedding settings come in as env vars. */
final class BenchStores {

    private BenchStores() {
    }

    static MemtomemConfig config(Path home, Path memoryDir, String provider, String model, int dimension) {
        return MemtomemConfig.load(new Environment(home, Map.of(
                "MEMTOMEM_EMBEDDING__PROVIDER", provider,
                "MEMTOMEM_EMBEDDING__MODEL", model,
                "MEMTOMEM_EMBEDDING__DIMENSION", Integer.toString(dimension),
                "MEMTOMEM_INDEXING__MEMORY_DIRS", "[\"" + memoryDir + "\"]"), home));
    }

    static Memtomem onnx(Path home, Path memoryDir) {
        return Memtomem.open(config(home, memoryDir, "onnx", "all-MiniLM-L6-v2-q", 384));
    }
}
