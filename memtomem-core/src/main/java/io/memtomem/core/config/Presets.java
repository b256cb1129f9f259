package io.memtomem.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named starting configurations for {@code mm init --preset NAME}: dotted keys to values, ready for
 * {@link ConfigFile#writeInitial}. The caller may add keys (e.g. memory dirs) before writing.
 */
public final class Presets {

    /** BM25 only: nothing to load, nothing to download. */
    public static final String MINIMAL = "minimal";
    /** Local semantic search with the bundled English model (needs the memtomem-onnx module, shipped by default). */
    public static final String ENGLISH = "english";

    private Presets() {
    }

    public static Set<String> names() {
        return Set.of(MINIMAL, ENGLISH);
    }

    /** The preset's values; a {@link ConfigException} naming {@code preset} when the name is unknown. */
    public static Map<String, Object> values(String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (name == null ? "" : name.trim()) {
            case MINIMAL:
                values.put("embedding.provider", "none");
                values.put("embedding.model", "");
                values.put("embedding.dimension", 0);
                return values;
            case ENGLISH:
                values.put("embedding.provider", "onnx");
                values.put("embedding.model", "all-MiniLM-L6-v2-q");
                values.put("embedding.dimension", 384);
                return values;
            default:
                throw new ConfigException("preset", "unknown preset '" + name + "'; choose " + MINIMAL + " or "
                        + ENGLISH);
        }
    }
}
