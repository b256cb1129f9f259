package io.memtomem.cli.training;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdsTrainingCommandTest {
    @TempDir
    Path temp;

    @Test
    void runsEveryTrainingStepCleanlyOnAThrowAwayHomeAndExtractsTheNativeLibraries() {
        CliHarness cli = CliHarness.in(temp);
        Path nativeDir = temp.resolve("native");
        Result result = cli.run("cds-training", "--native-dir", nativeDir.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err(), "every step of the script succeeded");
        assertEquals("", result.out(), "the training run is silent");
        Path platformDir = nativeDir.resolve(NativeLibraries.platform(System.getProperty("os.name"),
                System.getProperty("os.arch")));
        assertTrue(Files.isRegularFile(platformDir.resolve(System.mapLibraryName("sqlitejdbc"))));
        assertTrue(Files.isRegularFile(platformDir.resolve(System.mapLibraryName("jnidispatch").replace(".dylib",
                ".jnilib"))));
        assertFalse(Files.exists(cli.stateDir()), "the caller's HOME is never used");
    }
}
