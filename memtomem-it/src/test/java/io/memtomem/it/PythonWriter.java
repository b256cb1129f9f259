package io.memtomem.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Python memtomem's side of a memory file, in real python3 processes: it takes the file's sidecar
 * {@code .<name>.lock} with {@code fcntl.flock} (what portalocker does on POSIX) and then appends, or rewrites the file
 * through a temp file and {@code os.replace}, as its writer and editor do.
 */
final class PythonWriter {
    static final Duration BOUND = Duration.ofSeconds(60);

    /** Holds the sidecar exclusively until its stdin closes. */
    private static final String HOLDER = String.join("\n",
            "import fcntl, sys",
            "f = open(sys.argv[1], 'a+')",
            "fcntl.flock(f, fcntl.LOCK_EX)",
            "print('HELD', flush=True)",
            "sys.stdin.read()");

    /** argv: file, sidecar, append|rewrite, count, marker prefix. One entry per round, each under the sidecar flock. */
    private static final String RACER = String.join("\n",
            "import fcntl, os, random, sys, time",
            "path, sidecar, mode, count, prefix = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]",
            "print('READY', flush=True)",
            "for i in range(count):",
            "    entry = '\\n## %s-%d\\n\\nwritten by python round %d\\n' % (prefix, i, i)",
            "    with open(sidecar, 'a+') as lock:",
            "        fcntl.flock(lock, fcntl.LOCK_EX)",
            "        if mode == 'append':",
            "            with open(path, 'a', encoding='utf-8') as f:",
            "                f.write(entry)",
            "        else:",
            "            with open(path, encoding='utf-8') as f:",
            "                text = f.read()",
            "            time.sleep(0.002)  # what a real edit spends between reading and replacing",
            "            tmp = path + '.tmp-py'",
            "            with open(tmp, 'w', encoding='utf-8') as f:",
            "                f.write(text + entry)",
            "            os.replace(tmp, path)",
            "    time.sleep(random.uniform(0, 0.02))",
            "print('DONE', flush=True)");

    private PythonWriter() {
    }

    static void assumeAvailable() {
        Platform.assumePosix("fcntl.flock exists only on POSIX");
        boolean available;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import fcntl").redirectErrorStream(true).start();
            available = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notInstalled) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "python3 with fcntl is not on PATH");
    }

    /** A python3 process holding {@code file}'s sidecar, returned once it holds it; close its stdin to release. */
    static Process holdSidecar(Sandbox sandbox, Path sidecar) {
        Process holder = sandbox.processes().start(sandbox.processBuilder(List.of("python3", "-c", HOLDER,
                sidecar.toString())));
        LineBuffer out = LineBuffer.drain(holder.getInputStream(), "python-sidecar-holder");
        Await.until(BOUND, "the python holder to take the sidecar", () -> out.lines().contains("HELD"));
        return holder;
    }

    /** Starts {@code count} rounds of {@code mode} ("append" or "rewrite") on {@code file}, each adding one entry. */
    static Racer race(Sandbox sandbox, Path file, Path sidecar, String mode, int count, String prefix) {
        Process process = sandbox.processes().start(sandbox.processBuilder(List.of("python3", "-c", RACER,
                file.toString(), sidecar.toString(), mode, Integer.toString(count), prefix)));
        LineBuffer out = LineBuffer.drain(process.getInputStream(), "python-" + mode);
        LineBuffer err = LineBuffer.drain(process.getErrorStream(), "python-" + mode + "-err");
        Await.until(BOUND, "the python " + mode + " loop to start", () -> out.lines().contains("READY"));
        return new Racer(process, out, err);
    }

    record Racer(Process process, LineBuffer out, LineBuffer err) {
        boolean done() {
            return out.lines().contains("DONE");
        }

        void awaitDone() {
            Await.until(BOUND, () -> "the python loop to finish; stderr: " + err.text(),
                    () -> done() || !process.isAlive());
            if (!done()) {
                throw new AssertionError("python loop failed: " + err.text());
            }
        }
    }
}
