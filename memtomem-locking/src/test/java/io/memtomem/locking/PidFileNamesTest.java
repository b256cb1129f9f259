package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PythonFlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PosixOnly
class PidFileNamesTest {

    @TempDir
    Path home;

    private FakeOs os() {
        return FakeOs.posix().withEnv(Map.of("HOME", home.toString()));
    }

    /** §9 scenario 24: sixteen lower-case hex characters inside {@code server-….pid}. */
    @Test
    void storeScopedNameIsSixteenLowerCaseHexDigits() {
        assertTrue(PidFileNames.forStore(os(), home.resolve("memtomem.db")).matches("server-[0-9a-f]{16}\\.pid"));
    }

    /** §9 scenario 24: different stores get different names. */
    @Test
    void differentStoresGetDifferentNames() {
        assertNotEquals(PidFileNames.forStore(os(), home.resolve("a.db")), PidFileNames.forStore(os(), home.resolve("b.db")));
    }

    /** §9 scenario 24: {@code ~}, {@code ..}, relative and trailing-slash spellings of one DB collapse. */
    @Test
    void tildeDotDotRelativeAndTrailingSlashSpellingsCollapse() throws IOException {
        Files.createDirectories(home.resolve("sub"));
        Path cwd = Path.of("").toAbsolutePath();
        String canonical = PidFileNames.forStore(os(), home.resolve(".memtomem/memtomem.db").toString());

        assertEquals(canonical, PidFileNames.forStore(os(), "~/.memtomem/memtomem.db"));
        assertEquals(canonical, PidFileNames.forStore(os(), home + "/sub/../.memtomem/memtomem.db"));
        assertEquals(canonical, PidFileNames.forStore(os(), home + "/./.memtomem//memtomem.db/"));
        assertEquals(canonical, PidFileNames.forStore(os(), cwd.relativize(home.resolve(".memtomem/memtomem.db")).toString()));
    }

    /** §9 scenario 24 / §1.6 step 3: symlinks of the existing prefix are resolved, so an aliased directory collapses. */
    @Test
    void symlinkedDirectoryResolvesToTheSameStore() throws IOException {
        Path real = Files.createDirectories(home.resolve("real"));
        Path alias = Files.createSymbolicLink(home.resolve("alias"), real);

        assertEquals(PidFileNames.forStore(os(), real.resolve("x.db")), PidFileNames.forStore(os(), alias.resolve("x.db")));
    }

    /** §9 scenario 24: {@code :memory:}, {@code file:} URIs and unresolvable paths (a symlink loop) fall back to {@code server.pid}. */
    @Test
    void memoryFileUriAndSymlinkLoopFallBackToBareName() throws IOException {
        Files.createSymbolicLink(home.resolve("loop"), home.resolve("loop"));

        assertEquals("server.pid", PidFileNames.forStore(os(), ":memory:"));
        assertEquals("server.pid", PidFileNames.forStore(os(), "file:/tmp/x.db?mode=ro"));
        assertEquals("server.pid", PidFileNames.forStore(os(), home.resolve("loop/x.db").toString()));
        assertEquals("server.pid", PidFileNames.forStore(os(), (Path) null));
    }

    /** §9 scenario 24: macOS lower-cases, so case variants collapse there and only there. */
    @Test
    void caseVariantsCollapseOnMacOsOnly() {
        Path lower = home.resolve("store/memtomem.db");
        Path upper = home.resolve("STORE/MemToMem.DB");

        assertEquals(PidFileNames.forStore(os().macOs(), lower), PidFileNames.forStore(os().macOs(), upper));
        assertNotEquals(PidFileNames.forStore(os(), lower), PidFileNames.forStore(os(), upper));
    }

    /** §1.6 step 4: Windows {@code normcase} lower-cases and unifies separators. */
    @Test
    void windowsNormcaseCollapsesCaseAndSeparators() {
        FakeOs windows = FakeOs.windows(home).withEnv(Map.of("USERPROFILE", home.toString()));

        assertEquals(PidFileNames.forStore(windows, "~\\Store\\MEMTOMEM.db"),
                PidFileNames.forStore(windows, home + "/store/memtomem.db"));
    }

    /** §9 scenario 24 / §10.7: byte-exact parity with Python's own path functions (mixed Java/Python fleets). */
    @Test
    void digestsMatchPythonRealpathNormcaseSha256() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        Path real = Files.createDirectories(home.resolve("real dir"));
        Files.createSymbolicLink(home.resolve("alias"), real);
        List<String> raw = List.of("~/.memtomem/memtomem.db", home + "/alias/x.db", home + "/alias/../real dir/y.db",
                home + "/missing/../tail/z.db", "relative/store.db");

        Os sameAsPython = Os.current().isMacOs() ? os().macOs() : os();

        List<String> python = PythonFlock.storeDigests(Map.of("HOME", home.toString()), raw);
        List<String> java = raw.stream().map(p -> PidFileNames.storeDigest(sameAsPython, p).orElseThrow())
                .collect(Collectors.toList());

        assertEquals(python, java);
    }

    /** §9 scenario 17 (name half): deriving a pid file name never creates directories. */
    @Test
    void derivingANameCreatesNothing() {
        PidFileNames.forStore(os(), home.resolve("not/yet/there/memtomem.db"));

        assertFalse(Files.exists(home.resolve("not")));
    }

    /** §1.7: the legacy path is derived from the home it is given on every call. */
    @Test
    void legacyPidFileLivesInDotMemtomemOfTheGivenHome() {
        assertEquals(home.resolve(".memtomem/.server.pid"), PidFileNames.legacyPidFile(home));
    }
}
