package io.memtomem.core;

/** A bad argument; {@link #parameter()} names it so tools and the CLI can point at the right flag. */
public class InvalidInputException extends MemtomemException {
    private final String parameter;

    public InvalidInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
