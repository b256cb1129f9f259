package io.memtomem.cli.version;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.core.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionCommandTest {
    @TempDir
    Path temp;

    @Test
    void versionCommandNamesThisImplementationAndTheBareFlagStaysBare() {
        CliHarness cli = CliHarness.in(temp);
        Result command = cli.run("version");
        assertEquals(0, command.exitCode(), command::toString);
        assertEquals("memtomem-java " + Version.current(), command.out().strip());
        assertEquals(Version.current(), cli.run("--version").out().strip());
    }
}
