package io.memtomem.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Browsing and maintenance over the chunk table: read, neighbours, sources, counts, tags and bulk deletes. */
public final class ChunkStore {
    private final Database database;

    public ChunkStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    public Optional<StoredChunk> find(String chunkId) {
        return database.read("reading chunk " + chunkId, session -> {
            PreparedStatement statement = session.prepare("SELECT " + ChunkRows.COLUMNS + " FROM chunks c WHERE c.id = ?");
            statement.setString(1, chunkId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(ChunkRows.read(row)) : Optional.empty();
            }
        });
    }

    /** Up to {@code limit} chunk ids that start with {@code prefix} (lower-case hex), in id order. */
    public List<String> idsStartingWith(String prefix, int limit) {
        return database.read("looking up chunk id " + prefix, session -> {
            // a range on the primary key, not LIKE: ids are lower-case hex, and '~' sorts after all of it
            PreparedStatement statement = session.prepare("SELECT id FROM chunks WHERE id >= ? AND id < ? ORDER BY id"
                    + " LIMIT ?");
            statement.setString(1, prefix);
            statement.setString(2, prefix + "~");
            statement.setInt(3, limit);
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** Every chunk of one file in line order. */
    public List<StoredChunk> chunksOf(String source) {
        return chunksWhere("reading chunks of " + source, "c.source_file = ?", source);
    }

    /** Every chunk of one namespace (exact name). */
    public List<StoredChunk> chunksInNamespace(String namespace) {
        return chunksWhere("reading chunks of namespace " + namespace, "c.namespace = ?", namespace);
    }

    /** Every chunk of the file that holds {@code chunkId}, in line order (one query); empty when no chunk has it. */
    public List<StoredChunk> fileChunksAround(String chunkId) {
        return chunksWhere("reading the file of chunk " + chunkId,
                "c.source_file = (SELECT source_file FROM chunks WHERE id = ?)", chunkId);
    }

    private List<StoredChunk> chunksWhere(String action, String condition, String value) {
        return database.read(action, session -> {
            PreparedStatement statement = session.prepare("SELECT " + ChunkRows.COLUMNS
                    + " FROM chunks c WHERE " + condition + " ORDER BY c.start_line, c.rowid");
            statement.setString(1, value);
            List<StoredChunk> chunks = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    chunks.add(ChunkRows.read(row));
                }
            }
            return chunks;
        });
    }

    /** Namespaces stamped on a file's chunks, sorted. */
    public Set<String> namespacesOf(String source) {
        return database.read("reading namespaces of " + source, session -> {
            PreparedStatement statement = session.prepare(
                    "SELECT DISTINCT namespace FROM chunks WHERE source_file = ? ORDER BY namespace");
            statement.setString(1, source);
            Set<String> namespaces = new LinkedHashSet<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    namespaces.add(row.getString(1));
                }
            }
            return namespaces;
        });
    }

    /** Every indexed source path, sorted. */
    public List<String> sources() {
        return database.read("listing sources", session -> firstColumn(
                session.prepare("SELECT DISTINCT source_file FROM chunks ORDER BY source_file")));
    }

    /** The indexed sources that are {@code path} or lie under it (a directory), sorted. */
    public List<String> sourcesUnder(Path path) {
        String prefix = path.resolve("x").toString();
        String under = prefix.substring(0, prefix.length() - 1);
        // every text starting with "<dir>/" sorts from "<dir>/" to just before "<dir>0": a range the index serves
        String past = under.substring(0, under.length() - 1) + (char) (under.charAt(under.length() - 1) + 1);
        return database.read("listing sources under " + path, session -> {
            PreparedStatement statement = session.prepare("SELECT DISTINCT source_file FROM chunks"
                    + " WHERE source_file = ? OR (source_file >= ? AND source_file < ?) ORDER BY source_file");
            statement.setString(1, path.toString());
            statement.setString(2, under);
            statement.setString(3, past);
            return firstColumn(statement);
        });
    }

    private static List<String> firstColumn(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    /** Sources with chunk counts, filtered by path (substring or glob) and namespace (exact, list or glob). */
    public List<SourceSummary> listSources(SourceFilter sourceFilter, NamespaceFilter namespaceFilter) {
        return database.read("listing sources", session -> {
            PreparedStatement statement = session.prepare("SELECT c.source_file, count(*), avg(length(c.content)),"
                    + " group_concat(DISTINCT c.namespace), max(c.updated_at) FROM chunks c WHERE " + namespaceFilter.sql("c.namespace")
                    + " GROUP BY c.source_file ORDER BY c.source_file");
            bind(statement, namespaceFilter.params());
            List<SourceSummary> summaries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String source = row.getString(1);
                    if (sourceFilter.matches(source)) {
                        List<String> namespaces = List.of(row.getString(4).split(",")).stream().sorted().toList();
                        summaries.add(new SourceSummary(Path.of(source), row.getInt(2),
                                (int) Math.round(row.getDouble(3) / 4.0), namespaces, row.getString(5)));
                    }
                }
            }
            return summaries;
        });
    }

    public IndexStats stats() {
        Map<String, Long> byNamespace = namespaceCounts();
        List<String> sources = sources();
        long orphaned = sources.stream().filter(source -> !Files.exists(Path.of(source))).count();
        long total = byNamespace.values().stream().mapToLong(Long::longValue).sum();
        return new IndexStats(total, sources.size(), orphaned, byNamespace, databaseSize(), 0, 0);
    }

    /** Chunk counts per namespace, sorted by namespace. */
    public Map<String, Long> namespaceCounts() {
        return database.read("counting namespaces", session -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet row = session.prepare(
                    "SELECT namespace, count(*) FROM chunks GROUP BY namespace ORDER BY namespace").executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Tags with the number of chunks carrying them, most used first. */
    public List<TagCount> tags() {
        return database.read("counting tags", session -> {
            List<TagCount> tags = new ArrayList<>();
            try (ResultSet row = session.prepare("SELECT t.value, count(*) AS n FROM chunks c, json_each(c.tags) t"
                    + " WHERE json_valid(c.tags) GROUP BY t.value ORDER BY n DESC, t.value").executeQuery()) {
                while (row.next()) {
                    tags.add(new TagCount(row.getString(1), row.getLong(2)));
                }
            }
            return tags;
        });
    }

    /** Index rows of every source matching the filter are removed (files are untouched). */
    public int deleteBySource(SourceFilter filter) {
        List<String> matching = sources().stream().filter(filter::matches).toList();
        return database.write("deleting chunks by source", session -> {
            int deleted = 0;
            for (String source : matching) {
                deleted += ChunkWriter.deleteSource(session, source);
            }
            return deleted;
        });
    }

    public int deleteByNamespace(String namespace) {
        return database.write("deleting namespace " + namespace,
                session -> ChunkWriter.deleteNamespace(session, namespace));
    }

    /** Size of the database file plus its WAL. */
    public long databaseSize() {
        Path db = database.path();
        return sizeOf(db) + sizeOf(db.resolveSibling(db.getFileName() + "-wal"));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    public static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        bind(statement, params, 1);
    }

    /** Binds parameters starting at {@code first}; returns the next free index. */
    public static int bind(PreparedStatement statement, List<Object> params, int first) throws SQLException {
        int index = first;
        for (Object param : params) {
            statement.setObject(index++, param);
        }
        return index;
    }
}
