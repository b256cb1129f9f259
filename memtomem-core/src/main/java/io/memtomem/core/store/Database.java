package io.memtomem.core.store;

import io.memtomem.core.StoreException;
import io.memtomem.core.config.PrivateFiles;
import io.memtomem.core.trace.StartupTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The SQLite file shared by every server and {@code mm} process of a store (memory-core.md §2.1).
 *
 * <p>One writer connection, guarded by a lock, runs every write as a short {@code BEGIN IMMEDIATE} transaction;
 * separate {@code query_only} connections serve reads, which in WAL mode never wait for the writer. Work that hits
 * another process's lock is retried ({@link BusyRetry}), so callers never see "database is locked". Closing
 * truncates the WAL after this process wrote; a process that only read leaves it to SQLite's own close.
 */
public final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int SQLITE_READONLY = 8;
    private static final int READERS = 3;
    /** WAL pages between automatic checkpoints: SQLite's default, for ordinary short writes. */
    private static final int CHECKPOINT_PAGES = 1000;
    /**
     * The same during bulk runs. Every checkpoint syncs the WAL and the database file, and consecutive batches
     * rewrite the same index pages, so checkpointing every 64 MB of WAL rather than every 4 MB takes about half of
     * a bulk index's commit cost away; the WAL stays bounded.
     */
    private static final int BULK_CHECKPOINT_PAGES = 16_384;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path path;
    private final Session writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Used as a stack: the most recently returned reader has the warmest page cache, so it goes out first. */
    private final BlockingDeque<Session> readers = new LinkedBlockingDeque<>(READERS);
    /** Readers are connected when first needed: one {@code mm} command uses one, a server up to {@link #READERS}. */
    private final AtomicInteger readersOpened = new AtomicInteger();
    private final BusyRetry retry;
    private final AtomicInteger bulkRuns = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean readOnly;
    /** Whether this process wrote: only then does closing checkpoint, which would wait for another's writer. */
    private volatile boolean wrote;

    private Database(Path path, Session writer, Duration busyDeadline) {
        this.path = path;
        this.writer = writer;
        this.retry = new BusyRetry(busyDeadline);
    }

    /**
     * Loads what every open needs first - sqlite-jdbc's classes, its native library, the locale data its date format
     * reads, the logger - for a process that will open a store soon and has another thread to spare: {@code mm} runs
     * it while picocli builds its command line, which takes as long on the main thread. Problems are left to the open.
     */
    public static void preload() {
        try {
            new SQLiteConfig().toProperties();
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError reportedByTheOpen) {
            LOG.debug("preloading sqlite-jdbc: {}", reportedByTheOpen.toString());
        }
    }

    /** Opens (creating if needed) the database, refusing a newer schema before anything is written. */
    public static Database open(Path dbPath) {
        return open(dbPath, Duration.ofMinutes(2));
    }

    static Database open(Path dbPath, Duration busyDeadline) {
        Path path = dbPath.toAbsolutePath().normalize();
        PrivateFiles.createDirectories(path.getParent());
        Session writer = new Session(connect(path, new BusyRetry(busyDeadline)));
        StartupTrace.mark("database connection (sqlite native library on first use)");
        Database database = new Database(path, writer, busyDeadline);
        try {
            SchemaVersion.refuseNewer(writer, path);
            database.configureWriter();
            if (!database.schemaIsCurrent()) {
                database.migrate();
            }
            if (!database.readOnly) {
                PrivateFiles.restrictToOwner(path);
            }
            StartupTrace.mark("schema check");
            return database;
        } catch (SQLException e) {
            database.closeConnections();
            throw failure("opening " + path, e);
        } catch (RuntimeException e) {
            database.closeConnections();
            throw e;
        }
    }

    /**
     * A store that already has this build's whole schema is opened without a write transaction: most opens are a
     * search or a status, and DDL under {@code BEGIN IMMEDIATE} would make each wait for any writer. A file or
     * directory this process cannot write takes the migration path, whose refused write tells a read-only store.
     */
    private boolean schemaIsCurrent() throws SQLException {
        return Files.isWritable(path) && Files.isWritable(path.getParent())
                && retry.run("checking the schema", () -> Schema.isCurrent(writer));
    }

    private void migrate() throws SQLException {
        try {
            write("creating the schema", session -> {
                SchemaVersion.refuseNewer(session, path);
                Schema.migrate(session);
                return null;
            });
        } catch (StoreException e) {
            if (!isReadOnly(e.getCause())) {
                throw e;
            }
            openReadOnly();
        }
    }

    public Path path() {
        return path;
    }

    /** Whether this process may only read the database (a read-only file or mount): every write is refused. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Serves a database this process cannot write (file mode, read-only mount) for reading, as long as it already
     * holds a memtomem index: searches and status need nothing more, and a schema that is current needs no write.
     */
    private void openReadOnly() throws SQLException {
        try (var tables = writer.prepare("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')"
                + " AND name IN ('chunks', 'chunks_fts', '_memtomem_meta')").executeQuery()) {
            if (!tables.next() || tables.getInt(1) < 3) {
                throw new StoreException("the memtomem database " + path + " is read-only and holds no memtomem "
                        + "index yet: make it writable (chmod u+w " + path + ") or mount its file system read-write");
            }
        }
        readOnly = true;
        LOG.info("{} is read-only: searching works, writing and indexing are refused", path);
    }

    /**
     * Refuses {@code what} when this process may only read the database. The memory writer asks before it touches a
     * markdown file: an entry written there could never be indexed, and would be answered as written anyway.
     */
    public void requireWritable(String what) {
        if (readOnly) {
            throw new StoreException("the memtomem database " + path + " is read-only, so " + what + " is not "
                    + "possible: searching works, but adding, editing and indexing need write access. Make it "
                    + "writable (chmod u+w " + path + ") or mount its file system read-write");
        }
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction on the writer connection; rolled back on failure. */
    public <T> T write(String what, SqlWork<T> work) {
        ensureOpen();
        requireWritable(what);
        writeLock.lock();
        try {
            wrote = true;
            return retry.run(what, () -> inTransaction(work));
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs work that commits many write transactions in a row (a bulk index) with the WAL checkpointed less often,
     * then checkpoints what is left. Each transaction commits exactly as in {@link #write}.
     */
    public <T> T bulk(Supplier<T> work) {
        if (bulkRuns.getAndIncrement() == 0) {
            checkpointEvery(BULK_CHECKPOINT_PAGES);
        }
        try {
            return work.get();
        } finally {
            if (bulkRuns.decrementAndGet() == 0 && !closed) {
                checkpointEvery(CHECKPOINT_PAGES);
            }
        }
    }

    /** Sets the automatic checkpoint interval of the writer and checkpoints (without waiting) what is due. */
    private void checkpointEvery(int pages) {
        if (readOnly) {
            return; // the bulk work's own writes report it
        }
        writeLock.lock();
        try {
            retry.run("setting the checkpoint interval", () -> {
                writer.execute("PRAGMA wal_autocheckpoint = " + pages);
                writer.execute("PRAGMA wal_checkpoint(PASSIVE)");
                return null;
            });
        } catch (SQLException e) {
            throw failure("setting the checkpoint interval", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Rewrites the full-text index without the tokens of deleted rows and empties the WAL, so deleted text is gone
     * from the files at once: {@code secure_delete} zeroes freed pages, but FTS5 keeps a deleted row's tokens in its
     * segments until a merge, and the WAL keeps old page images until a checkpoint. Costs one FTS5 merge of the whole
     * index, so it is for deleting what must not linger (a secret), not for every delete.
     */
    public void scrubDeleted() {
        write("scrubbing deleted text from the full-text index", session -> {
            session.execute("INSERT INTO chunks_fts(chunks_fts) VALUES('optimize')");
            return null;
        });
        writeLock.lock();
        try {
            retry.run("truncating the WAL", () -> {
                writer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                return null;
            });
        } catch (SQLException e) {
            throw failure("truncating the WAL", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs read-only work on a pooled reader connection. */
    public <T> T read(String what, SqlWork<T> work) {
        ensureOpen();
        Session session = borrowReader();
        try {
            return retry.run(what, () -> work.run(session));
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            readers.addFirst(session);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            if (wrote) {
                writer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint on close of {} failed: {}", path, e.getMessage());
        } finally {
            closeConnections();
            writeLock.unlock();
        }
        StartupTrace.mark("database closed");
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        writer.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.run(writer);
            writer.execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            writer.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); "no transaction is active" is fine
            LOG.debug("rollback after a failed transaction: {}", e.getMessage());
        }
    }

    private void configureWriter() throws SQLException {
        retry.run("enabling WAL", () -> {
            writer.execute("PRAGMA journal_mode = WAL");
            writer.execute("PRAGMA synchronous = NORMAL");
            writer.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
            writer.execute("PRAGMA foreign_keys = ON");
            // deleted rows (a force_unsafe secret the user removed) are zeroed, not left readable in free pages
            writer.execute("PRAGMA secure_delete = ON");
            return null;
        });
    }

    private Session borrowReader() {
        Session session = readers.pollFirst();
        if (session != null) {
            return session;
        }
        for (int opened = readersOpened.get(); opened < READERS; opened = readersOpened.get()) {
            if (readersOpened.compareAndSet(opened, opened + 1)) {
                return openReader();
            }
        }
        try {
            session = readers.pollFirst(30, TimeUnit.SECONDS);
            if (session == null) {
                throw new StoreException("no database reader became free within 30 s; too many concurrent requests");
            }
            return session;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database reader", e);
        }
    }

    /** A {@code query_only} connection with the term vocabulary attached (it must be before query_only). */
    private Session openReader() {
        Session reader = null;
        try {
            reader = new Session(connect(path, retry));
            Session session = reader;
            retry.run("configuring a reader", () -> {
                TermVocabulary.attach(session);
                session.execute("PRAGMA query_only = ON");
                return null;
            });
            return reader;
        } catch (SQLException | RuntimeException e) {
            readersOpened.decrementAndGet();
            if (reader != null) {
                reader.close();
            }
            throw e instanceof SQLException sql ? failure("configuring a reader", sql) : (RuntimeException) e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the memtomem store " + path + " is closed");
        }
    }

    private void closeConnections() {
        List<Session> drained = new ArrayList<>();
        readers.drainTo(drained);
        drained.forEach(Session::close);
        writer.close();
    }

    /**
     * Straight through the driver: {@code DriverManager} would first scan every jar on the class path for JDBC
     * drivers, a cost each {@code mm} process pays for nothing.
     */
    private static Connection connect(Path path, BusyRetry retry) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            return retry.run("opening " + path,
                    () -> JDBC.createConnection("jdbc:sqlite:" + path, config.toProperties()));
        } catch (SQLException e) {
            throw failure("opening " + path, e);
        }
    }

    /** SQLITE_READONLY and its extended codes: the file, its directory or its mount is not writable for us. */
    static boolean isReadOnly(Throwable e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xFF) == SQLITE_READONLY;
    }

    static StoreException failure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("SQLITE_NOTADB") || message.contains("file is not a database")) {
            return new StoreException("the memtomem database is not a SQLite database or is corrupt (" + what
                    + "). Move it aside and re-index to rebuild it.", e);
        }
        return new StoreException("database error while " + what + ": " + message, e);
    }
}
