package io.memtomem.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference eval data ({@code ../shared/eval}), from system property {@code memtomem.shared.dir} (set by
 * surefire) or {@code ../shared} beside the repository. Absent data fails when {@link #required()}, else skips.
 */
public final class SharedEval {
    private SharedEval() {
    }

    /**
     * Missing data fails a CI run ({@code CI=true}), unless the run says the data is optional: a fork's GitHub
     * workflow has no copy of {@code ../shared} and runs the suite with {@code -Dmemtomem.shared.optional=true}.
     */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) && !Boolean.getBoolean("memtomem.shared.optional");
    }

    public static Path locate() {
        String property = System.getProperty("memtomem.shared.dir");
        Path configured = property == null || property.isBlank() ? Path.of("../shared") : Path.of(property);
        for (Path candidate : new Path[] {configured, Path.of("../../shared"), Path.of("../shared")}) {
            Path shared = candidate.toAbsolutePath().normalize();
            if (Files.isDirectory(shared.resolve("eval/corpus_v2"))
                    && Files.isRegularFile(shared.resolve("eval/quality-gate/baseline_replay.json"))) {
                return shared;
            }
        }
        String reason = "shared eval data not found at " + configured.toAbsolutePath().normalize()
                + " (set -Dmemtomem.shared.dir=<dir containing eval/corpus_v2>)";
        if (SharedEval.required()) {
            fail(reason);
        }
        Assumptions.abort(reason);
        throw new IllegalStateException("unreachable");
    }
}
