package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyword tags the auto-tagger added to a chunk's {@code tags} column, remembered per chunk id in
 * {@code chunk_auto_tags}. They are DB state (the markdown file is never rewritten), so the indexer's diff must not
 * mistake them for a changed {@code > tags:} header: it compares the file's tags with the stored ones minus these,
 * and a rewrite of the row keeps them. A chunk whose text changes gets a new id and so loses them.
 */
public final class AutoTagLedger {
    private AutoTagLedger() {
    }

    static void createTable(Session session) throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS chunk_auto_tags (chunk_id TEXT PRIMARY KEY,"
                + " tags TEXT NOT NULL DEFAULT '[]')");
    }

    /** The stored tags as the file declares them: auto tags the file does not declare itself are left out. */
    public static List<String> fileTags(List<String> stored, List<String> autoTags, List<String> declared) {
        if (autoTags.isEmpty()) {
            return stored;
        }
        return stored.stream().filter(tag -> declared.contains(tag) || !autoTags.contains(tag)).toList();
    }

    /** The tags to store when a row is rewritten: the file's tags, then the auto tags it does not declare. */
    public static List<String> withAutoTags(List<String> declared, List<String> autoTags) {
        if (autoTags.isEmpty()) {
            return declared;
        }
        List<String> merged = new ArrayList<>(declared);
        autoTags.stream().filter(tag -> !containsIgnoringCase(declared, tag)).forEach(merged::add);
        return merged;
    }

    /**
     * Appends keyword tags to a chunk inside a write transaction, skipping any it already carries (case-insensitive).
     * Nothing is written when the chunk is gone or its text changed since the keywords were chosen ({@code
     * contentHash}). Returns the tags actually added.
     */
    public static List<String> add(Session session, String chunkId, String contentHash, List<String> keywords)
            throws SQLException {
        PreparedStatement read = session.prepare("SELECT c.tags, a.tags FROM chunks c"
                + " LEFT JOIN chunk_auto_tags a ON a.chunk_id = c.id WHERE c.id = ? AND c.content_hash = ?");
        read.setString(1, chunkId);
        read.setString(2, contentHash);
        List<String> tags;
        List<String> autoTags;
        try (ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                return List.of();
            }
            tags = new ArrayList<>(JsonLists.decode(row.getString(1)));
            autoTags = new ArrayList<>(JsonLists.decode(row.getString(2)));
        }
        List<String> added = keywords.stream().filter(tag -> !containsIgnoringCase(tags, tag)).distinct().toList();
        if (added.isEmpty()) {
            return added;
        }
        tags.addAll(added);
        autoTags.addAll(added);
        PreparedStatement update = session.prepare("UPDATE chunks SET tags = ? WHERE id = ?");
        update.setString(1, JsonLists.encode(tags));
        update.setString(2, chunkId);
        update.executeUpdate();
        PreparedStatement ledger = session.prepare(
                "INSERT OR REPLACE INTO chunk_auto_tags(chunk_id, tags) VALUES (?, ?)");
        ledger.setString(1, chunkId);
        ledger.setString(2, JsonLists.encode(autoTags));
        ledger.executeUpdate();
        return added;
    }

    /** Forgets the auto tags of chunks that no longer exist (their text changed or their file was removed). */
    public static int forgetDeletedChunks(Session session) throws SQLException {
        return session.prepare("DELETE FROM chunk_auto_tags WHERE chunk_id NOT IN (SELECT id FROM chunks)")
                .executeUpdate();
    }

    public static boolean containsIgnoringCase(List<String> tags, String tag) {
        return tags.stream().anyMatch(tag::equalsIgnoreCase);
    }
}
