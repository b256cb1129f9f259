package io.memtomem.cli.init;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code mm init --preset}: the config values each starting point writes. Named lower-case everywhere. */
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

    static List<String> labels() {
        return Arrays.stream(values()).map(Preset::label).toList();
    }

    /** A preset typed at the prompt or on the command line, case-insensitive. */
    static Optional<Preset> parse(String text) {
        return Arrays.stream(values()).filter(preset -> preset.label().equalsIgnoreCase(text.strip())).findFirst();
    }

    /** The preset a config matches, by its embedding provider; empty for a hand-made setup. */
    static Optional<Preset> of(String embeddingProvider) {
        return Arrays.stream(values())
                .filter(preset -> preset.configValues.get("embedding.provider").equals(embeddingProvider)).findFirst();
    }

    static String choices() {
        return "choose " + String.join(" or ", labels());
    }

    static final class Converter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            return parse(value).orElseThrow(() ->
                    new TypeConversionException("unknown preset '" + value + "': " + choices()));
        }
    }

    /** Completion and help list the names as they are typed. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return labels().iterator();
        }
    }
}
