package io.memtomem.server.training;

import io.memtomem.server.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The AppCDS / AOT-cache training run ({@code Main --train}) as the build runs it, in a JVM of its own. */
class TrainingRunTest {
    /** A Java 25 to train the JDK AOT cache with: {@code JAVA25_HOME}, else where this machine kind installs it. */
    private static final Path JAVA_25 = Path.of(System.getenv().getOrDefault("JAVA25_HOME",
            "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");

    @TempDir
    Path work;

    @Test
    void finishesItsScriptOnJava25WithTwoProcessors() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_25), "no Java 25 at " + JAVA_25 + " (set JAVA25_HOME)");
        // two processors give Java 25's common pool one worker, which the server alone keeps busy
        ProcessBuilder builder = new ProcessBuilder(JAVA_25.toString(), "-XX:ActiveProcessorCount=2", "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + work.resolve("home"), "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--train")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MEMTOMEM_"));
        builder.environment().put("_MEMTOMEM_TEST_MODE", "1");
        builder.environment().put("_MEMTOMEM_TEST_RUNTIME_DIR", work.resolve("run").toString());
        Process training = builder.start();
        boolean exited = training.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            training.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = output();
        assertTrue(exited, () -> "the training run hangs: " + output);
        assertEquals(0, training.exitValue(), output);
        assertFalse(output.contains("training run failed"), output);
    }

    private String output() throws IOException {
        return Files.readString(work.resolve("output.txt"), StandardCharsets.UTF_8);
    }
}
