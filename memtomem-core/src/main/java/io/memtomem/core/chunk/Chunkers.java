package io.memtomem.core.chunk;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of chunking: picks the chunker for a file's extension and applies the shared post-processing
 * (three-pass short-chunk merge, optional overlap). The returned chunks are final and ready to store.
 * Instances are immutable and safe to share between threads.
 */
public final class Chunkers {

    /** The reference's default {@code indexing.supported_extensions}. */
    public static final Set<String> DEFAULT_EXTENSIONS =
            Set.of(".md", ".json", ".yaml", ".yml", ".toml", ".py", ".js", ".ts", ".tsx", ".jsx");

    private static final Logger LOG = LoggerFactory.getLogger(Chunkers.class);

    private final ChunkingSettings settings;
    private final Set<String> supportedExtensions;
    private final Map<String, FileChunker> byExtension;
    private final FileChunker plainText;
    private final ShortChunkMerger merger;

    /** @param supportedExtensions extensions to index, such as {@code ".md"} (case and a missing dot are forgiven) */
    public Chunkers(ChunkingSettings settings, Set<String> supportedExtensions) {
        this.settings = settings;
        this.supportedExtensions = normalize(supportedExtensions);
        FileChunker markdown = new MarkdownChunker(settings);
        this.byExtension = Map.of(
                ".md", markdown,
                ".markdown", markdown,
                ".json", new StructuredChunker(new JsonTopLevelKeys(), settings),
                ".yaml", new StructuredChunker(new YamlTopLevelKeys(), settings),
                ".yml", new StructuredChunker(new YamlTopLevelKeys(), settings),
                ".toml", new StructuredChunker(new TomlTopLevelKeys(), settings));
        this.plainText = new WholeFileChunker(settings);
        this.merger = new ShortChunkMerger(settings);
    }

    public boolean supports(Path file) {
        return supportedExtensions.contains(extension(file));
    }

    /**
     * Chunks one file's text. Markdown, JSON, YAML and TOML get their own chunker; code and any other text is
     * chunked as plain text.
     */
    public List<Chunk> chunk(Path file, String text) {
        String extension = extension(file);
        List<Chunk> raw = byExtension.getOrDefault(extension, plainText).chunk(stem(file, extension),
                LineBreaks.forChunking(text));
        return List.copyOf(ChunkOverlap.apply(merger.merge(raw), settings.chunkOverlapTokens()));
    }

    /**
     * The validity dates in a markdown file's frontmatter (other files have none); a malformed date is ignored with a
     * warning naming the file. Read beside {@link #chunk}, so chunk content and hashes are untouched.
     */
    public Validity validity(Path file, String text) {
        if (!(byExtension.get(extension(file)) instanceof MarkdownChunker)) {
            return Validity.OPEN;
        }
        return Frontmatter.validity(LineBreaks.forChunking(text), problem -> LOG.warn("{}: {}", file, problem));
    }

    /** Lower-case extension with its dot, as Python's {@code Path.suffix}; empty when there is none. */
    private static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    private static String stem(Path file, String extension) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        return s.substring(0, s.length() - extension.length());
    }

    private static Set<String> normalize(Set<String> extensions) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String extension : extensions) {
            String lower = extension.toLowerCase(Locale.ROOT).strip();
            normalized.add(lower.startsWith(".") ? lower : "." + lower);
        }
        return Set.copyOf(normalized);
    }
}
