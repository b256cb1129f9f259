package io.memtomem.core.embed.provider;

import io.memtomem.core.MemtomemException;

/** An embedding call failed; the message always names the provider and where it was talking to. */
public class EmbeddingException extends MemtomemException {

    private final String provider;
    private final String location;

    public EmbeddingException(String provider, String location, String problem) {
        this(provider, location, problem, null);
    }

    public EmbeddingException(String provider, String location, String problem, Throwable cause) {
        super(provider + " embedding via " + location + " failed: " + problem, cause);
        this.provider = provider;
        this.location = location;
    }

    public String provider() {
        return provider;
    }

    /** The URL for HTTP providers, the model name for local ones. */
    public String location() {
        return location;
    }
}
