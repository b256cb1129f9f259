package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.RuntimeDirRefusedException.Reason;
import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PosixOnly
class RuntimeDirsTest {

    @TempDir
    Path tmp;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** §1.2: POSIX canonical dir is the literal {@code /tmp/memtomem-<euid>}. */
    @Test
    void posixCanonicalDirIsTmpMemtomemEuid() {
        assertEquals(Path.of("/tmp/memtomem-4321"), RuntimeDirs.canonical(FakeOs.posix().withEuid(4321)));
    }

    /**
     * §9 scenario 11: TMPDIR/TMP/TEMP/XDG_RUNTIME_DIR pointing elsewhere do not move the runtime dir, and computing
     * the dir and its candidates leaves those temp dirs empty.
     */
    @Test
    void tempAndXdgVariablesDoNotMoveTheRuntimeDirAndStayEmpty() throws IOException {
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Path temp = Files.createDirectory(tmp.resolve("temp"));
        Path tmpVar = Files.createDirectory(tmp.resolve("tmpvar"));
        Path xdg = Files.createDirectory(tmp.resolve("xdg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        FakeOs plain = FakeOs.posix();
        FakeOs redirected = plain.withEnv(Map.of("TMPDIR", tmpdir.toString(), "TEMP", temp.toString(),
                "TMP", tmpVar.toString(), "XDG_RUNTIME_DIR", xdg.toString()));

        assertEquals(RuntimeDirs.canonical(plain), RuntimeDirs.canonical(redirected));
        assertEquals(RuntimeDirs.canonical(plain), RuntimeDirs.candidates(redirected).get(0));
        for (Path dir : List.of(tmpdir, temp, tmpVar, xdg)) {
            assertTrue(isEmptyDir(dir), dir + " must stay empty");
        }
    }

    /** §9 scenario 23 (unit level): Windows uses the Known Folder, never LOCALAPPDATA/TEMP/TMP/XDG. */
    @Test
    void windowsCanonicalDirIsKnownFolderTempMemtomemZero() {
        Path knownFolder = tmp.resolve("KnownLocalAppData");
        FakeOs windows = FakeOs.windows(knownFolder).withEnv(Map.of("LOCALAPPDATA", tmp.resolve("env").toString(),
                "TEMP", tmp.toString(), "TMP", tmp.toString(), "XDG_RUNTIME_DIR", tmp.toString()));

        assertEquals(knownFolder.resolve("Temp").resolve("memtomem-0"), RuntimeDirs.canonical(windows));
    }

    /** §1.2 test-only override: honoured only with the second marker set to 1, and then it is the only candidate. */
    @Test
    void testOverrideNeedsBothMarkers() {
        Path override = tmp.resolve("rt");
        FakeOs withoutMarker = FakeOs.posix().withEnv(Map.of("_MEMTOMEM_TEST_RUNTIME_DIR", override.toString()));
        FakeOs withMarker = FakeOs.posixWithRuntimeDir(override);

        assertFalse(RuntimeDirs.canonical(withoutMarker).equals(override));
        assertEquals(override, RuntimeDirs.canonical(withMarker));
        assertEquals(List.of(override), RuntimeDirs.candidates(withMarker));
    }

    /**
     * §9 scenario 12: with XDG unset the seed resolver's {@code <tempdir>/memtomem-<uid>} is a probed candidate right
     * after the canonical dir (so pid files of seed-era Python servers are still found).
     */
    @Test
    void seedTempDirLocationIsTheSecondCandidateWhenXdgIsUnset() {
        FakeOs os = FakeOs.posix().withEuid(4321).withEnv(Map.of("TMPDIR", tmp.toString()));

        assertEquals(List.of(Path.of("/tmp/memtomem-4321"), tmp.resolve("memtomem-4321")),
                RuntimeDirs.candidates(os).subList(0, 2));
    }

    /** §1.3: a safe XDG base is used for the seed-style candidate; the temp form follows it. */
    @Test
    void safeXdgBaseBecomesTheSeedStyleCandidate() throws IOException {
        Path xdg = Files.createDirectory(tmp.resolve("xdg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        FakeOs os = FakeOs.posix().withEnv(Map.of("XDG_RUNTIME_DIR", xdg.toString(), "TMPDIR", tmp.toString()));

        List<Path> candidates = RuntimeDirs.candidates(os);

        assertEquals(xdg.resolve("memtomem"), candidates.get(1));
        assertEquals(tmp.resolve("memtomem-" + os.effectiveUid()), candidates.get(2));
    }

    /** §9 scenario 17: canonical/candidates never create directories. */
    @Test
    void resolvingAndListingCandidatesCreatesNothing() {
        Path override = tmp.resolve("absent-runtime");
        FakeOs os = FakeOs.posixWithRuntimeDir(override);

        RuntimeDirs.canonical(os);
        RuntimeDirs.candidates(os);

        assertFalse(Files.exists(override, LinkOption.NOFOLLOW_LINKS));
    }

    /** §9 scenario 1/18: ensure creates the leaf with mode 0700; a second call is a no-op on the same dir. */
    @Test
    void ensureCreatesOwnerOnlyDirAndSecondCallIsNoOp() throws IOException {
        FakeOs os = FakeOs.posixWithRuntimeDir(tmp.resolve("rt"));

        Path first = RuntimeDirs.ensure(os);
        Object inode = Files.readAttributes(first, "unix:ino").get("ino");
        Path second = RuntimeDirs.ensure(os);

        assertEquals(first, second);
        assertEquals("rwx------", mode(first));
        assertEquals(inode, Files.readAttributes(second, "unix:ino").get("ino"));
    }

    /** §1.5: only the leaf is created; a missing parent is an error, not a reason to create ancestors. */
    @Test
    void ensureDoesNotCreateMissingParents() {
        FakeOs os = FakeOs.posixWithRuntimeDir(tmp.resolve("missing-parent/rt"));

        assertThrows(UncheckedIOException.class, () -> RuntimeDirs.ensure(os));
        assertFalse(Files.exists(tmp.resolve("missing-parent")));
    }

    /** §9 scenario 18 (W half) / #637: on Windows synthesised group/other bits never make the second call refuse. */
    @Test
    void windowsSkipsOwnerAndModeChecksSoSecondEnsureDoesNotRefuse() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("rt"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        FakeOs windows = FakeOs.windows(tmp).withEnv(FakeOs.testRuntimeDirEnv(dir)).withEuid(999_999);

        assertEquals(dir, RuntimeDirs.ensure(windows));
        assertEquals(dir, RuntimeDirs.ensure(windows));
    }

    /** §9 scenario 19: a symlink leaf is refused and not followed — its 0755 target is neither used nor chmod-ed. */
    @Test
    void symlinkLeafIsRefusedWithoutTouchingItsTarget() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path leaf = Files.createSymbolicLink(tmp.resolve("rt"), target);

        RuntimeDirRefusedException refused = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(leaf)));

        assertEquals(Reason.SYMLINK, refused.reason());
        assertEquals("symlink", refused.shortReason());
        assertEquals("rm -f -- " + leaf, refused.removalHint());
        assertTrue(refused.getMessage().contains("symlink"));
        assertTrue(refused.getMessage().endsWith("rm -f -- " + leaf));
        assertEquals("rwxr-xr-x", mode(target));
        assertTrue(Files.isSymbolicLink(leaf));
    }

    /** §9 scenario 19: a regular file at the leaf is refused as "not a directory" and left in place. */
    @Test
    void regularFileLeafIsRefusedAsNotADirectory() throws IOException {
        Path leaf = Files.writeString(tmp.resolve("rt"), "x");

        RuntimeDirRefusedException refused = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(leaf)));

        assertEquals(Reason.NOT_DIRECTORY, refused.reason());
        assertTrue(refused.getMessage().contains("not a directory"));
        assertEquals("rm -f -- " + leaf, refused.removalHint());
        assertEquals("x", Files.readString(leaf));
    }

    /** §9 scenario 19: a 0755 leaf is refused with "unsafe permissions" and is never chmod-ed. */
    @Test
    void looseModeLeafIsRefusedAndNotRepaired() throws IOException {
        Path leaf = Files.createDirectory(tmp.resolve("rt"));
        Files.setPosixFilePermissions(leaf, PosixFilePermissions.fromString("rwxr-xr-x"));

        RuntimeDirRefusedException refused = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(leaf)));

        assertEquals(Reason.UNSAFE_PERMISSIONS, refused.reason());
        assertEquals("unsafe permissions 0o755", refused.shortReason());
        assertTrue(refused.getMessage().contains("unsafe permissions"));
        assertEquals("rm -rf -- " + leaf, refused.removalHint());
        assertEquals("rwxr-xr-x", mode(leaf));
    }

    /** §9 scenario 19: a leaf owned by another uid is refused with "owned by uid" and "Ask an administrator". */
    @Test
    void leafOwnedByAnotherUidIsRefusedWithAdministratorHint() throws IOException {
        Path leaf = Files.createDirectory(tmp.resolve("rt"));
        Files.setPosixFilePermissions(leaf, PosixFilePermissions.fromString("rwx------"));
        FakeOs os = FakeOs.posixWithRuntimeDir(leaf);
        long realOwner = os.effectiveUid();

        RuntimeDirRefusedException refused = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(os.withEuid(realOwner + 1)));

        assertEquals(Reason.WRONG_OWNER, refused.reason());
        assertEquals("owned by uid " + realOwner, refused.shortReason());
        assertTrue(refused.getMessage().contains("Ask an administrator"));
        assertFalse(refused.getMessage().contains("XDG_RUNTIME_DIR"));
        assertEquals("rm -rf -- " + leaf, refused.removalHint());
        assertEquals("rwx------", mode(leaf));
    }

    /** #13: a runtime dir another user created first is named with its owner and the command that clears it. */
    @Test
    void aRuntimeDirOwnedByAnotherUserSaysWhoOwnsItAndWhatToRun() throws IOException {
        Path leaf = Files.createDirectory(tmp.resolve("rt"));
        Files.setPosixFilePermissions(leaf, PosixFilePermissions.fromString("rwx------"));
        FakeOs os = FakeOs.posixWithRuntimeDir(leaf);
        long realOwner = os.effectiveUid();
        String ownerName = Files.getOwner(leaf).getName();

        ServerState state = Liveness.checkServer(os.withEuid(realOwner + 1), tmp.resolve("memtomem.db"), tmp);

        assertTrue(state.cannotVerify());
        assertEquals("runtime directory " + leaf + " cannot be trusted, owned by uid " + realOwner + " (" + ownerName
                + "), another user, not you (uid " + (realOwner + 1) + "): memtomem never uses a directory someone"
                + " else controls; ask an administrator to run: rm -rf -- " + leaf, state.probeError());
    }

    /**
     * §1.4 (supports §9 scenario 19/21): hints quote a whitespace path as one shell token behind {@code --}, and render
     * control characters as {@code \xNN} bytes in {@code $'…'} form with no raw control byte anywhere in the message.
     */
    @Test
    void removalHintsQuoteWhitespaceAndEscapeControlCharacters() throws IOException {
        Path spaced = Files.writeString(tmp.resolve("-run time's"), "x");
        Path hostile = Files.writeString(tmp.resolve("evil\u001b[2Jdir\nx"), "x");

        RuntimeDirRefusedException spacedRefusal = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(spaced)));
        RuntimeDirRefusedException hostileRefusal = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(hostile)));

        assertEquals("rm -f -- '" + tmp + "/-run time'\"'\"'s'", spacedRefusal.removalHint());
        assertEquals("rm -f -- $'" + tmp + "/evil\\x1b[2Jdir\\x0ax'", hostileRefusal.removalHint());
        assertTrue(hostileRefusal.getMessage().chars().noneMatch(c -> c < 0x20 && c != '\n'));
        assertEquals(2, hostileRefusal.getMessage().split("\n").length, "only the hint line break is real");
    }

    /** §1.4: a failing lstat other than not-found is "cannot stat (<type>)", with no removal command. */
    @Test
    void unstatableLeafIsRefusedAsCannotStat() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        RuntimeDirRefusedException refused = assertThrows(RuntimeDirRefusedException.class,
                () -> RuntimeDirs.ensure(FakeOs.posixWithRuntimeDir(file.resolve("rt"))));

        assertEquals(Reason.CANNOT_STAT, refused.reason());
        assertTrue(refused.shortReason().startsWith("cannot stat ("));
        assertEquals("", refused.removalHint());
    }
}
