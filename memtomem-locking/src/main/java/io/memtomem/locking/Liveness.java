package io.memtomem.locking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Aggregate "is a memtomem server running?" over every pid file that could name one (locking.md §5.5). */
public final class Liveness {

    private Liveness() {
    }

    /**
     * Store-scoped when {@code dbPath} has a digest: {@code server-<digest>.pid} in every validated runtime dir, then
     * {@code server.pid} in each, then the legacy gate; a server on a different store is invisible by design. Without a
     * digest ({@code null}, {@code :memory:}) every {@code server-*.pid} is scanned instead. The first alive state wins,
     * fail-closed ones included, annotated with any skipped-directory warning.
     */
    public static ServerState checkServer(Os os, Path dbPath, Path userHome) {
        Objects.requireNonNull(userHome, "userHome");
        RuntimeDirs.UsableDirs usable;
        try {
            usable = RuntimeDirs.usable(os);
        } catch (RuntimeDirRefusedException refused) {
            return ServerState.failClosed(os, null, "runtime directory " + refused.target() + " cannot be trusted, "
                    + refused.summary());
        } catch (UncheckedIOException e) {
            return ServerState.failClosed(os, null, "runtime directories could not be determined ("
                    + VerifiedPidFile.describe(e.getCause()) + ")");
        }
        String warning = usable.warning().orElse(null);
        Optional<String> digest = dbPath == null ? Optional.empty()
                : PidFileNames.storeDigest(os, dbPath.toString());
        List<Path> pidFiles = new ArrayList<>();
        if (digest.isPresent()) {
            usable.dirs().forEach(dir -> pidFiles.add(dir.resolve("server-" + digest.get() + ".pid")));
        } else {
            try {
                pidFiles.addAll(scanStoreScoped(usable.dirs()));
            } catch (IOException e) {
                return ServerState.failClosed(os, null, "scanning runtime directories failed ("
                        + VerifiedPidFile.describe(e) + ")").withProbeWarning(warning);
            }
        }
        usable.dirs().forEach(dir -> pidFiles.add(dir.resolve(PidFileNames.BARE_NAME)));
        for (Path pidFile : pidFiles) {
            ServerState state = PidProbe.probe(os, pidFile);
            if (state.alive()) {
                return state.withProbeWarning(warning);
            }
        }
        ServerState legacy = legacyGate(os, PidFileNames.legacyPidFile(userHome));
        if (legacy.alive()) {
            return legacy.withProbeWarning(warning);
        }
        return ServerState.absent().withProbeWarning(warning);
    }

    /** Windows: any legacy holder gates. POSIX: a shared (compatibility) holder does not; anything unclear does. */
    private static ServerState legacyGate(Os os, Path legacyFile) {
        ServerState state = PidProbe.probeLegacy(os, legacyFile);
        if (!os.isWindows() && state.alive() && state.probeError() == null
                && PidProbe.SHARED.equals(state.legacyLockMode())) {
            return new ServerState(false, state.pid(), state.pidFile(), state.started(), null, PidProbe.SHARED, null);
        }
        return state;
    }

    /** An explicit scan: a missing dir is empty, any other error (even mid-iteration) must not read as "no servers". */
    private static List<Path> scanStoreScoped(List<Path> dirs) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PidFileNames.STORE_SCOPED_GLOB)) {
                entries.forEach(found::add);
            } catch (NoSuchFileException vanished) {
                // removed since validation: nothing to probe there
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
        }
        found.sort(null);
        return found;
    }
}
