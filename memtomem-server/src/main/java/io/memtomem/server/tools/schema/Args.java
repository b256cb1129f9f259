package io.memtomem.server.tools.schema;

import java.util.List;
import java.util.Map;

/** Arguments already validated and defaulted by an {@link InputSchema}; absent optional values read as null. */
public final class Args {
    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    /** An integer parameter that is required or has a default. */
    public int integer(String name) {
        return (Integer) values.get(name);
    }

    public Double number(String name) {
        return (Double) values.get(name);
    }

    /** A boolean parameter that is required or has a default. */
    public boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return (Map<String, Object>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Args> objects(String name) {
        return (List<Args>) values.get(name);
    }
}
