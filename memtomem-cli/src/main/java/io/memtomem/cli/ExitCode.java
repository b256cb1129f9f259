package io.memtomem.cli;

/** The three exit codes every {@code mm} command uses; listed in each command's {@code --help} footer. */
public enum ExitCode {
    OK(0, "Success."),
    ERROR(1, "Error, or cancelled at a prompt."),
    REFUSED_OR_USAGE(2, "Refused (nothing was changed) or invalid usage.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
