package io.memtomem.locking;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.memtomem.locking.testsupport.ApiClassInitMain;
import io.memtomem.locking.testsupport.ChildProcess;
import io.memtomem.locking.testsupport.LockPrimitiveRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * §9 scenario 73: POSIX-only facilities (libc through JNA, signals) live in {@code io.memtomem.locking.posix} only,
 * jna-platform in {@code io.memtomem.locking.windows} only, and none of it is loaded merely by using the API classes.
 */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> POSIX_ONLY_FACILITIES =
            resideInAPackage("com.sun.jna..").and(not(resideInAPackage("com.sun.jna.platform..")))
                    .or(resideInAPackage("sun.misc").and(simpleNameStartingWith("Signal")))
                    .as("libc bindings (com.sun.jna outside jna-platform) or sun.misc.Signal");

    static final ArchRule POSIX_FACILITIES_ONLY_IN_POSIX_PACKAGE = noClasses()
            .that().resideOutsideOfPackage("io.memtomem.locking.posix..")
            .should().dependOnClassesThat(POSIX_ONLY_FACILITIES)
            .because("Windows must be able to load every other class without libc or POSIX signals");

    static final ArchRule JNA_PLATFORM_ONLY_IN_WINDOWS_PACKAGE = noClasses()
            .that().resideOutsideOfPackage("io.memtomem.locking.windows..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna.platform..")
            .because("Win32 bindings belong to the Windows package");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.memtomem.locking");

    /** §9 scenario 73: the production classes obey both rules. */
    @Test
    void onlyThePosixPackageTouchesLibcAndSignalsAndOnlyWindowsTouchesJnaPlatform() {
        assertTrue(PRODUCTION.contain("io.memtomem.locking.posix.PosixLockBackend"), "classes were imported");
        POSIX_FACILITIES_ONLY_IN_POSIX_PACKAGE.check(PRODUCTION);
        JNA_PLATFORM_ONLY_IN_WINDOWS_PACKAGE.check(PRODUCTION);
    }

    /** #18.1: no FileChannel record locks outside the Windows backend; the rule rejects a fixture that takes one. */
    @Test
    void onlyTheWindowsBackendTakesFileChannelLocks() {
        LockPrimitiveRules.NO_FILE_CHANNEL_LOCKS_OUTSIDE_WINDOWS_BACKEND.check(PRODUCTION);

        AssertionError violation = assertThrows(AssertionError.class,
                () -> LockPrimitiveRules.NO_FILE_CHANNEL_LOCKS_OUTSIDE_WINDOWS_BACKEND.check(
                        new ClassFileImporter().importPackages("io.memtomem.locking.archfixture")));
        assertTrue(violation.getMessage().contains("LeakyRecordLocker"), violation.getMessage());
    }

    /** §9 scenario 73 negative fixture: the same rule rejects test-only classes that bind libc / handle signals. */
    @Test
    void ruleFailsOnNegativeFixtureOutsideThePosixPackage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.memtomem.locking.archfixture");

        AssertionError violation = assertThrows(AssertionError.class,
                () -> POSIX_FACILITIES_ONLY_IN_POSIX_PACKAGE.check(fixture));

        assertTrue(violation.getMessage().contains("LeakyLibcCaller"), violation.getMessage());
        assertTrue(violation.getMessage().contains("LeakySignalUser"), violation.getMessage());
    }

    /**
     * §9 scenario 73 (load-time half): initialising every public API class in a fresh JVM loads neither JNA nor the
     * libc binding — they are loaded only when a uid or a lock is actually needed.
     */
    @Test
    void initialisingTheApiClassesLoadsNoNativeBinding() throws Exception {
        List<String> api = List.of(Os.class, RuntimeDirs.class, RuntimeDirRefusedException.class, PidFileNames.class,
                PidPayload.class, PidLock.class, AcquireResult.class, ServerState.class, PidProbe.class, Liveness.class,
                TermHandler.class).stream().map(Class::getName).collect(Collectors.toList());
        try (ChildProcess child = ChildProcess.start(ChildProcess.javaCommand(List.of("-Xlog:class+load=info"),
                ApiClassInitMain.class, api.toArray(String[]::new)), Map.of())) {
            List<String> output = child.awaitRemainingOutput();

            assertEquals(0, child.awaitExit());
            assertTrue(output.contains("INITIALISED " + api.size()), String.join("\n", output));
            assertTrue(output.stream().anyMatch(line -> line.contains("io.memtomem.locking.PidProbe ")),
                    "class loading is logged");
            assertTrue(output.stream().noneMatch(line -> line.contains("com.sun.jna.") || line.contains(".posix.LibC")),
                    "JNA must stay unloaded");
        }
    }
}
