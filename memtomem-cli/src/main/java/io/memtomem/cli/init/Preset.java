package io.memtomem.cli.init;

import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** {@code mm init --preset}: the config values each starting point writes. */
enum Preset {
    /** Keyword (BM25) search only: nothing to load, fastest start. */
    MINIMAL(Map.of("embedding.provider", "none")),
    /** Adds local, offline semantic search with an English embedding model that ships in a Maven artifact. */
    ENGLISH(Map.of("embedding.provider", "onnx"));

    private final Map<String, Object> configValues;

    Preset(Map<String, Object> configValues) {
        this.configValues = configValues;
    }

    Map<String, Object> configValues() {
        return configValues;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A preset typed at the prompt, case-insensitive. */
    static Preset parse(String text) {
        return Arrays.stream(values()).filter(preset -> preset.label().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new CliException(ExitCode.REFUSED_OR_USAGE,
                        "unknown preset '" + text + "': choose minimal or english"));
    }
}
