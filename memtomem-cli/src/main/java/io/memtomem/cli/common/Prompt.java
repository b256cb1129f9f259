package io.memtomem.cli.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Questions to the person at the terminal; callers ask only when the context is interactive. */
public final class Prompt {
    private final PrintWriter out;
    private final BufferedReader in;

    public Prompt(PrintWriter out, InputStream in) {
        this.out = out;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The answer, or {@code fallback} for an empty answer or end of input. */
    public String ask(String question, String fallback) {
        out.print(question + " [" + fallback + "]: ");
        out.flush();
        String answer = readLine();
        return answer == null || answer.isBlank() ? fallback : answer.strip();
    }

    /**
     * Asks until {@code parse} accepts the answer, saying {@code hint} after each invalid one; an empty answer or the
     * end of input takes {@code fallback}.
     */
    public <T> T choose(String question, String fallback, Function<String, Optional<T>> parse, String hint) {
        while (true) {
            String answer = ask(question, fallback);
            Optional<T> value = parse.apply(answer);
            if (value.isPresent()) {
                return value.get();
            }
            out.println("  " + hint);
        }
    }

    /** Yes only for an explicit y/yes; anything else, including end of input, is no. */
    public boolean confirm(String question) {
        out.print(question + " [y/N]: ");
        out.flush();
        String answer = readLine();
        return answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> true;
            default -> false;
        };
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
