package io.memtomem.locking.testsupport;

import io.memtomem.locking.AcquireResult;
import io.memtomem.locking.Os;
import io.memtomem.locking.PidLock;
import io.memtomem.locking.RuntimeDirs;
import io.memtomem.locking.TermHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A minimal pid-lock holder for cross-process tests, behaving like the server's lock lifecycle.
 *
 * <pre>
 * PidHolderMain &lt;pid-file&gt;                   lock this file
 * PidHolderMain --in-runtime-dir &lt;file-name&gt;  RuntimeDirs.ensure(Os.current()) (honours the test override) first
 * </pre>
 *
 * Prints exactly one line: {@code HELD <pid>}, {@code CONTENDED <holder pid or ?>} or {@code ERROR <message>}. Then
 * waits for stdin EOF, cleans up (only if it held the lock) and exits 0. While holding, SIGTERM deletes the pid file
 * and halts with status 0, like the server.
 */
public final class PidHolderMain {

    private PidHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        Os os = Os.current();
        AcquireResult result;
        try {
            Path pidFile = args[0].equals("--in-runtime-dir") ? RuntimeDirs.ensure(os).resolve(args[1]) : Path.of(args[0]);
            result = PidLock.acquire(os, pidFile);
        } catch (IOException | RuntimeException e) {
            System.out.println("ERROR " + String.valueOf(e.getMessage()).replace('\n', ' '));
            System.exit(1);
            return;
        }
        if (result instanceof AcquireResult.Held held) {
            TermHandler.installPosix(os, () -> {
                held.cleanup();
                Runtime.getRuntime().halt(0);
            });
            System.out.println("HELD " + held.pid());
            awaitStdinEof();
            held.cleanup();
        } else {
            Long holder = ((AcquireResult.Contended) result).holderPid();
            System.out.println("CONTENDED " + (holder == null ? "?" : holder));
            awaitStdinEof();
        }
    }

    /** Starts a holder of {@code pidFile} and returns once it printed its first line (HELD/CONTENDED/ERROR). */
    public static Started start(Path pidFile, Map<String, String> env) throws IOException, InterruptedException {
        return start(List.of(pidFile.toString()), env);
    }

    public static Started start(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        ChildProcess child = ChildProcess.start(ChildProcess.javaCommand(PidHolderMain.class,
                args.toArray(String[]::new)), env);
        try {
            return new Started(child, child.awaitLine());
        } catch (RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    /** A started holder and its status line. */
    public record Started(ChildProcess process, String statusLine) {

        public boolean held() {
            return statusLine.startsWith("HELD ");
        }

        /** The pid the child reported in {@code HELD <pid>}. */
        public long heldPid() {
            if (!held()) {
                throw new IllegalStateException("holder did not get the lock: " + statusLine);
            }
            return Long.parseLong(statusLine.substring("HELD ".length()));
        }
    }

    private static void awaitStdinEof() throws IOException {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // input is ignored; only EOF matters
        }
    }
}
