package io.memtomem.it;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.memtomem.locking.testsupport.LockPrimitiveRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18.1 across the modules: no production class of any module takes a {@code FileChannel} lock (an fcntl record lock
 * on POSIX, invisible to the Python memtomem's flock) outside the locking library's Windows backend.
 */
class LockPrimitiveIT {
    /** Production classes only: test classes and test jars (which hold the rule's negative fixture) are left out. */
    private static final ImportOption PRODUCTION_ONLY = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");

    @Test
    void noModuleTakesFileChannelLocksOutsideTheWindowsBackend() {
        JavaClasses classes = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("io.memtomem");
        for (String expected : List.of("io.memtomem.core.write.SidecarLock", "io.memtomem.server.Main",
                "io.memtomem.cli.Main", "io.memtomem.locking.windows.WindowsLockBackend")) {
            assertTrue(classes.contain(expected), expected + " was not imported");
        }
        LockPrimitiveRules.NO_FILE_CHANNEL_LOCKS_OUTSIDE_WINDOWS_BACKEND.check(classes);
    }
}
