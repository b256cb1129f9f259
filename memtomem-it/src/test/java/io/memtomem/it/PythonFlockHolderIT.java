package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenario 6 (locking.md §10.1–10.2): the Python memtomem holds its pid file with BSD {@code flock}; the Java CLI
 * must see that holder as a live server, which a JVM {@code FileChannel} lock would not.
 */
class PythonFlockHolderIT {
    /** What the Python server does on start: flock(LOCK_EX|LOCK_NB), then the three-line payload. */
    private static final String HOLDER = String.join("\n",
            "import datetime, fcntl, os, sys",
            "f = open(sys.argv[1], 'a+')",
            "fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "f.seek(0); f.truncate()",
            "f.write('%d\\n\\n%s\\n' % (os.getpid(), datetime.datetime.now(datetime.timezone.utc).isoformat()))",
            "f.flush()",
            "print('HELD', flush=True)",
            "sys.stdin.read()");

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void pythonFlockHolderCountsAsARunningServerAndBlocksUninstall() throws IOException {
        Platform.assumePosix("fcntl.flock exists only on POSIX");
        assumeTrue(python3WithFcntl(), "python3 with fcntl is not on PATH");
        sandbox.configure();
        Files.createDirectory(sandbox.runtimeDir(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Process holder = sandbox.processes().start(sandbox.processBuilder(
                List.of("python3", "-c", HOLDER, sandbox.pidFile().toString())));
        LineBuffer holderOut = LineBuffer.drain(holder.getInputStream(), "python-holder");
        Await.until(Duration.ofSeconds(30), "the python holder to take the lock",
                () -> holderOut.lines().contains("HELD"));

        JsonNode status = Mm.serverStatus(sandbox);
        assertTrue(status.path("running").asBoolean(), status::toString);
        assertEquals(holder.pid(), status.path("pid").asLong(), status::toString);

        FileTree before = FileTree.snapshot(sandbox.storeDir());
        Mm.Result refused = Mm.run(sandbox, "uninstall", "-y");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertContains(refused.stdout() + refused.stderr(), "Server still running (pid " + holder.pid() + ")");
        assertEquals(List.of(), before.removedIn(FileTree.snapshot(sandbox.storeDir())),
                "deleted by a refused uninstall");

        holder.getOutputStream().close();
        Await.until(Duration.ofSeconds(10), "the python holder to exit", () -> !holder.isAlive());
        assertFalse(Mm.serverStatus(sandbox).path("running").asBoolean(), "released flock must probe dead");
    }

    private static boolean python3WithFcntl() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import fcntl").redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
