package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python memtomem's side of the instance registry and lifecycle barrier (locking.md §1.6, §3.3 step 8, §7.3), in
 * python3: the same file names, the store named by its database's {@code "<st_dev>:<st_ino>"}, and flock.
 */
final class PythonRegistry {
    /** argv: runtime dir, db path. Holds the barrier shared and its sentinel exclusively until stdin closes. */
    static final String SERVER = String.join("\n",
            "import fcntl, hashlib, os, secrets, sys",
            "runtime, db = sys.argv[1], sys.argv[2]",
            "os.makedirs(os.path.join(runtime, 'instances'), mode=0o700, exist_ok=True)",
            "os.chmod(runtime, 0o700)",
            "barrier = open(os.path.join(runtime, 'lifecycle.lock'), 'a+')",
            "fcntl.flock(barrier, fcntl.LOCK_SH)",
            "st = os.stat(db)",
            "digest = hashlib.sha256(('%d:%d' % (st.st_dev, st.st_ino)).encode()).hexdigest()[:16]",
            "name = '%d-%d-%s-%s-%s.lock' % (os.getpid(), os.getppid(), digest, secrets.token_hex(4),"
                    + " secrets.token_hex(4))",
            "sentinel = open(os.path.join(runtime, 'instances', name), 'a+')",
            "fcntl.flock(sentinel, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "print('REGISTERED', flush=True)",
            "sys.stdin.read()");

    /** argv: runtime dir. Prints {@code LIVE <pid>} per held sentinel, then whether an exclusive barrier is free. */
    private static final String INSPECT = String.join("\n",
            "import fcntl, os, sys",
            "runtime = sys.argv[1]",
            "instances = os.path.join(runtime, 'instances')",
            "for name in sorted(os.listdir(instances)) if os.path.isdir(instances) else []:",
            "    with open(os.path.join(instances, name), 'rb+') as f:",
            "        try:",
            "            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "        except BlockingIOError:",
            "            print('LIVE', name.split('-')[0], flush=True)",
            "with open(os.path.join(runtime, 'lifecycle.lock'), 'a+') as b:",
            "    try:",
            "        fcntl.flock(b, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "        print('BARRIER ACQUIRED', flush=True)",
            "    except BlockingIOError:",
            "        print('BARRIER CONTENDED', flush=True)");

    private PythonRegistry() {
    }

    static List<String> inspect(Sandbox sandbox) {
        Process process = sandbox.processes().start(sandbox.processBuilder(List.of("python3", "-c", INSPECT,
                sandbox.runtimeDir().toString())));
        try {
            process.getOutputStream().close();
            LineBuffer out = LineBuffer.drain(process.getInputStream(), "python-inspect");
            LineBuffer err = LineBuffer.drain(process.getErrorStream(), "python-inspect-err");
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("python registry inspection failed: " + err.awaitEnd(
                        PythonWriter.BOUND).text());
            }
            return out.awaitEnd(PythonWriter.BOUND).lines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
