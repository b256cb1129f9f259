package io.memtomem.cli.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeLibrariesTest {
    @Test
    void platformDirectoryIsSpelledTheWayTheLaunchersComputeIt() {
        // bin/memtomem-launch.sh: "$(uname -s)-$(uname -m)" with arm64 -> aarch64
        assertEquals("Linux-x86_64", NativeLibraries.platform("Linux", "amd64"));
        assertEquals("Linux-aarch64", NativeLibraries.platform("Linux", "aarch64"));
        assertEquals("Darwin-x86_64", NativeLibraries.platform("Mac OS X", "x86_64"));
        assertEquals("Darwin-aarch64", NativeLibraries.platform("Mac OS X", "aarch64"));
        // bin/*.cmd: Windows-%PROCESSOR_ARCHITECTURE%
        assertEquals("Windows-AMD64", NativeLibraries.platform("Windows 11", "amd64"));
        assertEquals("Windows-ARM64", NativeLibraries.platform("Windows 11", "aarch64"));
    }
}
