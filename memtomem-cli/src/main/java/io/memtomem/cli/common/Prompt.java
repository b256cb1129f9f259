package io.memtomem.cli.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
