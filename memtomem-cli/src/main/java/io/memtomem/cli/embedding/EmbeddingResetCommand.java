package io.memtomem.cli.embedding;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.index.ProgressBar;
import io.memtomem.core.Memtomem;
import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.embed.EmbeddingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mm embedding-reset}: settle a difference between the stored and the configured embedding model, either way
 * ({@code --mode} as the Python memtomem spells it).
 */
@Command(name = "embedding-reset", description = {
        "Re-embed every chunk with the configured embedding model (--mode apply-current, the default).",
        "Run it after changing embedding.provider, embedding.model or embedding.dimension; the configured model "
                + "then becomes the stored one. --mode status only shows both; --mode revert-to-stored instead "
                + "sets config.json back to the stored model and keeps the vectors. Shows a progress bar on a terminal."})
public final class EmbeddingResetCommand implements Callable<Integer> {
    /** What to do about the two models; the names are the Python memtomem's. */
    enum Mode {
        STATUS("status"), APPLY_CURRENT("apply-current"), REVERT_TO_STORED("revert-to-stored");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final CliContext context;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class, defaultValue = "apply-current",
            description = "status, apply-current (default) or revert-to-stored.")
    private Mode mode;

    @Mixin
    private JsonOption json;

    public EmbeddingResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EmbeddingState state = switch (mode) {
            case STATUS -> currentState();
            case APPLY_CURRENT -> {
                try (Memtomem memtomem = context.openStore()) {
                    yield memtomem.embeddingReset(context.interactive() && !json.enabled()
                            ? ProgressBar.on(context.err()) : EmbedProgressListener.NONE);
                }
            }
            case REVERT_TO_STORED -> revertToStored();
        };
        if (json.enabled()) {
            Json.print(context.out(), toJson(state));
        } else {
            print(context.out(), state);
        }
        return ExitCode.OK.code();
    }

    private EmbeddingState currentState() {
        try (Memtomem memtomem = context.openStore()) {
            return memtomem.embeddingState();
        }
    }

    /** Points config.json back at the model the vectors were made with; the next open sees no mismatch. */
    private EmbeddingState revertToStored() {
        EmbeddingState before = currentState();
        if (!before.mismatch()) {
            return before;
        }
        MemtomemConfig config = context.loadConfig();
        ConfigFile.set(config, "embedding.provider", before.storedProvider());
        ConfigFile.set(config, "embedding.model", before.storedModel());
        ConfigFile.set(config, "embedding.dimension", Integer.toString(before.storedDimension()));
        return currentState();
    }

    private static void print(PrintWriter out, EmbeddingState state) {
        out.println("Stored:     " + state.storedProvider() + " / " + state.storedModel()
                + " (" + state.storedDimension() + ")");
        out.println("Configured: " + state.configuredProvider() + " / " + state.configuredModel()
                + " (" + state.configuredDimension() + ")");
        out.println("Vectors:    " + state.vectorsStored() + " stored, " + state.vectorsPending() + " pending");
        out.println("Mismatch:   " + (state.mismatch() ? "yes" : "no"));
    }

    private static Map<String, Object> toJson(EmbeddingState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stored", Map.of("provider", state.storedProvider(), "model", state.storedModel(),
                "dimension", state.storedDimension()));
        payload.put("configured", Map.of("provider", state.configuredProvider(), "model", state.configuredModel(),
                "dimension", state.configuredDimension()));
        payload.put("vectors_stored", state.vectorsStored());
        payload.put("vectors_pending", state.vectorsPending());
        payload.put("mismatch", state.mismatch());
        return payload;
    }

    /** Takes the hyphenated names (and, for scripts written against mem_do, the underscored ones). */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            String wanted = value.replace('_', '-');
            for (Mode candidate : Mode.values()) {
                if (candidate.label.equalsIgnoreCase(wanted)) {
                    return candidate;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a mode (status, apply-current, revert-to-stored)");
        }
    }
}
