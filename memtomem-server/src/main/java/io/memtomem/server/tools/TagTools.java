package io.memtomem.server.tools;

import io.memtomem.core.tag.AutoTagRequest;
import io.memtomem.core.tag.AutoTagResult;
import io.memtomem.core.tag.ChunkTags;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code auto_tag} action: keyword tags from TF-IDF, previewed by default (like the reference's bulk tag actions). */
public final class TagTools {
    /** How many keyword tags one chunk may gain; shared with {@code mem_index auto_tag=true}. */
    static final Param MAX_TAGS = Param.integer("max_tags", "At most this many keyword tags per chunk ("
            + AutoTagRequest.MIN_TAGS + "-" + AutoTagRequest.MAX_TAGS + "); tags the chunk already has are not added "
            + "again.").range(AutoTagRequest.MIN_TAGS, AutoTagRequest.MAX_TAGS)
            .defaultValue(AutoTagRequest.DEFAULT_MAX_TAGS);
    static final String STORAGE_NOTE = "Tags are stored in the index only (like access counts): the markdown files "
            + "are not rewritten, tag filters, tag_list and recall see them, and a chunk whose text changes is "
            + "re-indexed as a new chunk without them.";
    static final InputSchema AUTO_TAG_SCHEMA = InputSchema.of(
            Param.string("source_filter", "Only chunks of files whose path contains this text or matches this glob "
                    + "(* ? [])."),
            Param.string("namespace", "Only chunks in this namespace (exact, comma list or * glob)."),
            MAX_TAGS,
            Param.bool("dry_run", "List the tags each chunk would get without writing them; false writes them.")
                    .defaultValue(true))
            .with(OutputFormat.params(OutputFormat.COMPACT, OutputFormat.STRUCTURED));
    /** Chunks listed in the text result; the rest are counted (structured output lists them all). */
    private static final int LISTED_CHUNKS = 50;

    private final ServerContext context;

    public TagTools(ServerContext context) {
        this.context = context;
    }

    public Operation autoTag() {
        return new Operation("auto_tag", "tags", "Add keyword tags to chunks, chosen without any model by TF-IDF: "
                + "words frequent in the chunk and rare in the store (stop-words, words under 3 letters - 2 for "
                + "Korean/CJK - and numbers are skipped). Dry run by default: lists the tags each chunk would get; "
                + "dry_run=false writes them. " + STORAGE_NOTE, AUTO_TAG_SCHEMA, this::handleAutoTag);
    }

    private String handleAutoTag(ToolCall call) {
        Args args = call.args();
        AutoTagResult result = context.store().autoTag(new AutoTagRequest(args.string("source_filter"),
                args.string("namespace"), args.integer("max_tags"), args.bool("dry_run")));
        if (OutputFormat.of(args) == OutputFormat.STRUCTURED) {
            return Json.write(json(result));
        }
        if (result.chunksScanned() == 0) {
            boolean filtered = args.has("source_filter") || args.has("namespace");
            return filtered ? "No chunks match the filter." : "No chunks to tag: the index is empty.";
        }
        if (result.tagged().isEmpty()) {
            return "No new keyword tags for the " + result.chunksScanned() + " chunks: they already carry their best "
                    + "keywords, or have none (only stop-words, short words or numbers).";
        }
        StringBuilder text = new StringBuilder(result.dryRun() ? "Auto-tag dry run: " : "Auto-tagged: ")
                .append(result.chunksTagged()).append(" of ").append(result.chunksScanned())
                .append(result.dryRun() ? " chunks would get " : " chunks got ").append(result.tagsAdded())
                .append(" tags").append(result.dryRun() ? " (run with dry_run=false to write them):"
                        : " (stored in the index; the files are unchanged):");
        result.tagged().stream().limit(LISTED_CHUNKS).forEach(chunk -> text.append("\n- ").append(chunk.source())
                .append(':').append(chunk.startLine()).append(" [").append(chunk.chunkId()).append("] + ")
                .append(String.join(", ", chunk.tags())));
        if (result.chunksTagged() > LISTED_CHUNKS) {
            text.append("\n… and ").append(result.chunksTagged() - LISTED_CHUNKS).append(" more chunks");
        }
        return text.toString();
    }

    private static Map<String, Object> json(AutoTagResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", result.dryRun());
        json.put("chunks_scanned", result.chunksScanned());
        json.put("chunks_tagged", result.chunksTagged());
        json.put("tags_added", result.tagsAdded());
        json.put("chunks", result.tagged().stream().map(TagTools::chunkJson).toList());
        return json;
    }

    private static Map<String, Object> chunkJson(ChunkTags chunk) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chunk_id", chunk.chunkId());
        json.put("source", chunk.source().toString());
        json.put("start_line", chunk.startLine());
        json.put("tags", List.copyOf(chunk.tags()));
        return json;
    }
}
