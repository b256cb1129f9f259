package io.memtomem.locking.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Python reference's lock primitive, {@code fcntl.flock}, run in a real python3 process. */
public final class PythonFlock {

    public static final String MISSING = "python3 is not on PATH (or has no fcntl): the Python flock interop tests"
            + " are skipped";

    private static final String HOLDER = String.join("\n",
            "import fcntl, os, sys",
            "path, mode, write_pid = sys.argv[1], sys.argv[2], sys.argv[3] == 'yes'",
            "f = open(path, 'a+')",
            "fcntl.flock(f, fcntl.LOCK_EX if mode == 'ex' else fcntl.LOCK_SH)",
            "if write_pid:",
            "    f.seek(0); f.truncate(); f.write(f'{os.getpid()}\\n\\n2026-08-05T10:00:00.123456+00:00\\n'); f.flush()",
            "print('HELD', os.getpid(), flush=True)",
            "sys.stdin.read()");

    private static final String CONTENDER = String.join("\n",
            "import fcntl, sys",
            "f = open(sys.argv[1], 'rb+')",
            "try:",
            "    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "    print('ACQUIRED', flush=True)",
            "except BlockingIOError:",
            "    print('CONTENDED', flush=True)");

    private PythonFlock() {
    }

    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import fcntl").redirectErrorStream(true).start();
            return probe.waitFor(ChildProcess.STARTUP_BOUND.toSeconds(), TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A Python process holding {@code flock(LOCK_EX)} (or LOCK_SH) on {@code file}, started once it printed HELD. */
    public static ChildProcess hold(Path file, boolean exclusive, boolean writePid)
            throws IOException, InterruptedException {
        ChildProcess child = ChildProcess.start(List.of("python3", "-c", HOLDER, file.toString(),
                exclusive ? "ex" : "sh", writePid ? "yes" : "no"), Map.of());
        try {
            String line = child.awaitLine();
            if (!line.startsWith("HELD ")) {
                throw new IllegalStateException("python holder said: " + line);
            }
            return child;
        } catch (RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    /** Python's {@code flock(LOCK_EX | LOCK_NB)} attempt: {@code "ACQUIRED"} or {@code "CONTENDED"}. */
    public static String tryExclusive(Path file) throws IOException, InterruptedException {
        try (ChildProcess child = ChildProcess.start(List.of("python3", "-c", CONTENDER, file.toString()), Map.of())) {
            String line = child.awaitLine();
            child.awaitExit();
            return line;
        }
    }

    /** {@code server-<digest>.pid} digests computed by Python's own path functions, one per input path. */
    public static List<String> storeDigests(Map<String, String> env, List<String> rawPaths)
            throws IOException, InterruptedException {
        // the reference's store_pid_digest: expanduser, realpath, normcase, and lower() on macOS
        String script = "import hashlib, os, sys\n"
                + "for p in sys.argv[1:]:\n"
                + "    s = os.path.normcase(os.path.realpath(os.path.expanduser(p)))\n"
                + "    s = s.lower() if sys.platform == 'darwin' else s\n"
                + "    print(hashlib.sha256(s.encode()).hexdigest()[:16], flush=True)";
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(rawPaths);
        try (ChildProcess child = ChildProcess.start(command, env)) {
            List<String> digests = new ArrayList<>();
            for (int i = 0; i < rawPaths.size(); i++) {
                digests.add(child.awaitLine());
            }
            child.awaitExit();
            return digests;
        }
    }
}
