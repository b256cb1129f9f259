package io.memtomem.core.tag;

import io.memtomem.core.chunk.Chunk;
import io.memtomem.core.store.AutoTagLedger;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.JsonLists;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.Session;
import io.memtomem.core.store.SourceFilter;
import io.memtomem.core.store.TermVocabulary;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyword auto-tagging ({@code mem_do auto_tag}, {@code mem_index auto_tag=true}): each chunk's best TF-IDF words
 * ({@link KeywordRanker}) not already among its tags are appended to the DB {@code tags} column, where tag filters,
 * {@code tag_list} and recall see them; the markdown file is not rewritten ({@link AutoTagLedger}).
 *
 * <p>Chunks are read a page at a time on a reader; each page's tags are written in one short write transaction on
 * the store's writer (BEGIN IMMEDIATE, retried while another process holds the lock), which re-checks that the
 * chunk's text is unchanged and merges with its tags as they are then.
 */
public final class AutoTagger {
    private static final int PAGE = 200;
    private static final String COLUMNS = "c.rowid, c.id, c.content_hash, c.source_file, c.start_line, c.content,"
            + " c.tags, c.heading_hierarchy";

    private final Database database;

    public AutoTagger(Database database) {
        this.database = database;
    }

    /** Tags (or, in a dry run, proposes tags for) every chunk matching the request's filters. */
    public AutoTagResult tag(AutoTagRequest request) {
        SourceFilter sources = SourceFilter.parse(request.sourceFilter());
        NamespaceFilter namespaces = NamespaceFilter.parse(request.namespace(), List.of());
        String sql = "SELECT " + COLUMNS + " FROM chunks c WHERE c.rowid > ? AND " + namespaces.sql("c.namespace")
                + (sources.matchesEverything() ? "" : " AND " + sources.sql("c.source_file"))
                + " ORDER BY c.rowid LIMIT " + PAGE;
        List<Object> params = new ArrayList<>(namespaces.params());
        if (!sources.matchesEverything()) {
            params.add(database.read("matching sources", sources::sqlParam));
        }
        Run run = new Run(request.maxTags(), request.dryRun());
        long after = 0;
        List<Target> page;
        do {
            long from = after;
            page = database.read("reading chunks to auto-tag", session -> {
                PreparedStatement statement = session.prepare(sql);
                statement.setLong(1, from);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 2, params.get(i));
                }
                return run.targets(session, statement);
            });
            run.process(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).rowid();
        } while (page.size() == PAGE);
        return run.finish();
    }

    /** Tags the given chunks (those an index run just wrote); ids that no longer exist are ignored. */
    public AutoTagResult tagChunks(List<String> chunkIds, int maxTags) {
        Run run = new Run(AutoTagRequest.requireMaxTags(maxTags), false);
        for (int first = 0; first < chunkIds.size(); first += PAGE) {
            String ids = JsonLists.encode(chunkIds.subList(first, Math.min(chunkIds.size(), first + PAGE)));
            run.process(database.read("reading chunks to auto-tag", session -> {
                PreparedStatement statement = session.prepare("SELECT " + COLUMNS + " FROM chunks c"
                        + " WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.rowid");
                statement.setString(1, ids);
                return run.targets(session, statement);
            }));
        }
        return run.finish();
    }

    /** A chunk to tag with the keywords chosen for it. */
    private record Target(long rowid, String id, String contentHash, Path source, int startLine,
                          List<String> keywords) {
    }

    /** One auto-tag call: its settings, the document frequencies looked up so far, and what it tagged. */
    private final class Run implements DocumentFrequencies {
        private final int maxTags;
        private final boolean dryRun;
        private final Map<String, Long> frequencies = new HashMap<>();
        private final List<ChunkTags> tagged = new ArrayList<>();
        private long total = -1;
        private boolean vocabularyLoaded;
        private int scanned;

        Run(int maxTags, boolean dryRun) {
            this.maxTags = maxTags;
            this.dryRun = dryRun;
        }

        /** Reads a page of chunks and chooses each one's new keywords (those it does not carry yet). */
        List<Target> targets(Session reader, PreparedStatement statement) throws SQLException {
            if (total < 0) {
                total = TermVocabulary.documentCount(reader);
            }
            List<Target> page = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    List<String> existing = JsonLists.decode(row.getString(7));
                    // the text the index holds, headings included: document frequencies are counted over it
                    List<ChunkWord> words = ChunkWords.of(Chunk.retrievalText(JsonLists.decode(row.getString(8)),
                            row.getString(6)));
                    lookUp(reader, words);
                    List<String> keywords = KeywordRanker.keywords(words, this, maxTags).stream()
                            .filter(tag -> !AutoTagLedger.containsIgnoringCase(existing, tag)).toList();
                    page.add(new Target(row.getLong(1), row.getString(2), row.getString(3),
                            Path.of(row.getString(4)), row.getInt(5), keywords));
                }
            }
            return page;
        }

        void process(List<Target> page) {
            scanned += page.size();
            List<Target> withKeywords = page.stream().filter(target -> !target.keywords().isEmpty()).toList();
            if (dryRun || withKeywords.isEmpty()) {
                withKeywords.forEach(t -> tagged.add(new ChunkTags(t.id(), t.source(), t.startLine(), t.keywords())));
                return;
            }
            tagged.addAll(database.write("auto-tagging " + withKeywords.size() + " chunks", writer -> {
                List<ChunkTags> written = new ArrayList<>();
                for (Target target : withKeywords) {
                    List<String> added = AutoTagLedger.add(writer, target.id(), target.contentHash(),
                            target.keywords());
                    if (!added.isEmpty()) {
                        written.add(new ChunkTags(target.id(), target.source(), target.startLine(), added));
                    }
                }
                return written;
            }));
        }

        AutoTagResult finish() {
            if (!dryRun && !tagged.isEmpty()) {
                database.write("forgetting auto tags of deleted chunks", AutoTagLedger::forgetDeletedChunks);
            }
            return new AutoTagResult(scanned, tagged, dryRun);
        }

        /**
         * Fetches the document frequencies of the candidate words not looked up yet. One lookup reads the term's
         * posting list; once a run has made about one per two chunks in the store, reading the whole vocabulary in
         * one scan is cheaper (measured in AutoTagBench), and then every later word is known.
         */
        private void lookUp(Session reader, List<ChunkWord> words) throws SQLException {
            if (vocabularyLoaded) {
                return;
            }
            List<String> missing = words.stream().filter(word -> !frequencies.containsKey(word.term()))
                    .filter(word -> KeywordRanker.isCandidate(word.tag())).map(ChunkWord::term).toList();
            if (frequencies.size() + missing.size() > total / 2) {
                TermVocabulary.allDocumentFrequencies(reader, frequencies::put);
                vocabularyLoaded = true;
                return;
            }
            for (String term : missing) {
                frequencies.put(term, TermVocabulary.documentFrequency(reader, term));
            }
        }

        @Override
        public long of(String term) {
            return frequencies.getOrDefault(term, 0L);
        }

        @Override
        public long total() {
            return total;
        }
    }
}
