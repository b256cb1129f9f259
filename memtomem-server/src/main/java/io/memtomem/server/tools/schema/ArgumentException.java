package io.memtomem.server.tools.schema;

/** A tool argument that does not fit its schema; the message names the parameter and what to pass instead. */
public final class ArgumentException extends RuntimeException {
    private final String parameter;

    public ArgumentException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
