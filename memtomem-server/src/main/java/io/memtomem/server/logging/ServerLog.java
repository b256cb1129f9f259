package io.memtomem.server.logging;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.PrivateFiles;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The server's stderr, copied to {@code ~/.memtomem/logs/server.log} (0600) with each line stamped with its UTC time. Both
 * {@code System.err} and {@code System.out} point here, so log lines and stray prints reach fd 2 and never the MCP
 * channel on fd 1. The file is opened only once the store directory exists (the server must not create
 * {@code ~/.memtomem} just by starting); what was written before that is kept in memory (up to
 * {@value #EARLY_BUFFER_BYTES} bytes) and written first.
 */
public final class ServerLog extends OutputStream {
    private static final int EARLY_BUFFER_BYTES = 64 * 1024;
    private static final long ROTATE_BYTES = 5L * 1024 * 1024;
    private static final String MCP_SDK_PACKAGE = "io.modelcontextprotocol";

    private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private ByteArrayOutputStream early = new ByteArrayOutputStream();
    private OutputStream file;
    private boolean attachTried;
    private boolean atLineStart = true;

    private ServerLog() {
    }

    /**
     * Points {@code System.err} and {@code System.out} at a new server log. Call before anything logs: it also sets
     * the slf4j-simple level from {@code MEMTOMEM_LOG_LEVEL}.
     */
    public static ServerLog install(Map<String, String> env) {
        String level;
        try {
            level = LogLevel.fromEnvironment(env);
        } catch (RuntimeException invalid) {
            level = null; // the server reports it as a configuration problem once it serves
        }
        if (level != null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
            // the MCP SDK logs every frame verbatim at debug (secrets a client sent, memory text): never below info
            System.setProperty("org.slf4j.simpleLogger.log." + MCP_SDK_PACKAGE, atLeastInfo(level));
        }
        ServerLog log = new ServerLog();
        PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
        System.setErr(stream);
        System.setOut(stream);
        return log;
    }

    /** Starts the file if the store directory already exists. */
    public void attachIfPresent(Path storeDir) {
        if (Files.isDirectory(storeDir)) {
            attach(storeDir);
        }
    }

    /**
     * Starts appending to {@code <storeDir>/logs/server.log} (rotated to server.log.1 past 5 MB). Only the first call
     * does anything; when the file cannot be opened the log stays on stderr.
     */
    public synchronized void attach(Path storeDir) {
        if (attachTried) {
            return;
        }
        attachTried = true;
        Path logFile = storeDir.resolve("logs").resolve("server.log");
        try {
            PrivateFiles.createDirectories(logFile.getParent());
            if (Files.exists(logFile) && Files.size(logFile) > ROTATE_BYTES) {
                Files.move(logFile, logFile.resolveSibling("server.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            // owner-only, also for a log an older version left 0644: it names files, namespaces and errors
            PrivateFiles.restrictToOwner(logFile.resolveSibling("server.log.1"));
            try {
                Files.createFile(logFile, PrivateFiles.ownerOnlyFile());
            } catch (FileAlreadyExistsException existing) {
                PrivateFiles.restrictToOwner(logFile);
            }
            file = Files.newOutputStream(logFile, StandardOpenOption.APPEND);
            early.writeTo(file);
            file.flush();
        } catch (IOException | MemtomemException e) {
            byte[] warning = ("memtomem-server: cannot write " + logFile + " (" + e.getMessage() + "); logging to "
                    + "stderr only\n").getBytes(StandardCharsets.UTF_8);
            writeStderr(warning, 0, warning.length);
        }
        early = null;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        writeStderr(bytes, offset, length);
        int end = offset + length;
        for (int start = offset; start < end; ) {
            int lineEnd = start;
            while (lineEnd < end && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            int stop = Math.min(lineEnd + 1, end);
            if (atLineStart) {
                byte[] stamp = timestamp().getBytes(StandardCharsets.US_ASCII);
                keep(stamp, 0, stamp.length);
            }
            keep(bytes, start, stop - start);
            atLineStart = stop > start && bytes[stop - 1] == '\n';
            start = stop;
        }
    }

    /** Appends to the file, or to the early buffer while there is no file yet. */
    private void keep(byte[] bytes, int offset, int count) {
        if (file != null) {
            try {
                file.write(bytes, offset, count);
            } catch (IOException e) {
                file = null;
            }
        } else if (early != null && early.size() + count <= EARLY_BUFFER_BYTES) {
            early.write(bytes, offset, count);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            stderr.flush();
            if (file != null) {
                file.flush();
            }
        } catch (IOException e) {
            file = null;
        }
    }

    private void writeStderr(byte[] bytes, int offset, int length) {
        try {
            stderr.write(bytes, offset, length);
        } catch (IOException e) {
            // stderr gone (host closed it): nothing left to report to
        }
    }

    /**
     * {@code 2026-03-30T01:02:03.456Z }, built by hand: {@code Instant.toString()} would initialise java.time.format
     * on the initialize path (the SDK logs the client's initialize request).
     */
    private static String timestamp() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(25).append(now.getYear());
        appendPadded(text.append('-'), now.getMonthValue(), 2);
        appendPadded(text.append('-'), now.getDayOfMonth(), 2);
        appendPadded(text.append('T'), now.getHour(), 2);
        appendPadded(text.append(':'), now.getMinute(), 2);
        appendPadded(text.append(':'), now.getSecond(), 2);
        appendPadded(text.append('.'), now.getNano() / 1_000_000, 3);
        return text.append("Z ").toString();
    }

    private static void appendPadded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    private static String atLeastInfo(String level) {
        return level.equals("debug") || level.equals("trace") ? "info" : level;
    }
}
