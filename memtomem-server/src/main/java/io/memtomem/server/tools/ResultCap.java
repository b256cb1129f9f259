package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most a tool reply may carry, so that hosts take it (Claude Code refuses replies above 25k tokens by default).
 * Lists are cut between whole results, and the reply says how many were left out and how to get them; any other
 * reply is cut at a line. {@value #ENV} sets the cap in tokens (default {@value #DEFAULT_TOKENS}), counted as
 * {@value #CHARS_PER_TOKEN} characters each, the estimate the chunker uses too.
 */
public record ResultCap(int maxChars) {
    public static final String ENV = "MEMTOMEM_MCP_MAX_RESULT_TOKENS";
    static final int DEFAULT_TOKENS = 20_000;
    static final int CHARS_PER_TOKEN = 4;
    /** Room kept for the header, the footer and the note about what was left out. */
    private static final int NOTE_ROOM = 400;

    public ResultCap {
        if (maxChars < 4 * NOTE_ROOM) {
            throw new InvalidInputException(ENV, ENV + " must be at least " + 4 * NOTE_ROOM / CHARS_PER_TOKEN
                    + " tokens");
        }
    }

    public static ResultCap fromEnvironment(Map<String, String> env) {
        String raw = env.get(ENV);
        if (raw == null || raw.isBlank()) {
            return new ResultCap(DEFAULT_TOKENS * CHARS_PER_TOKEN);
        }
        try {
            return new ResultCap(Math.multiplyExact(Integer.parseInt(raw.strip()), CHARS_PER_TOKEN));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(ENV, ENV + " must be a whole number of tokens, not '" + raw + "'");
        }
    }

    int tokens() {
        return maxChars / CHARS_PER_TOKEN;
    }

    /** {@code header}, as many whole {@code entries} as fit, then {@code footer}; a note when any were left out. */
    String text(String header, List<String> entries, String footer, String howToPage) {
        int budget = maxChars - NOTE_ROOM - header.length() - footer.length();
        StringBuilder text = new StringBuilder(header);
        int shown = 0;
        for (String entry : entries) {
            if (entry.length() > budget) {
                break;
            }
            budget -= entry.length();
            text.append(entry);
            shown++;
        }
        String body = text.toString().stripTrailing() + footer;
        int left = entries.size() - shown;
        return left == 0 ? body : body + "\n\n" + note(shown, left, howToPage);
    }

    /**
     * {@code json} with its {@code results} list cut to what fits; a {@code truncated} object says how many were
     * left out and how to page.
     */
    String json(Map<String, Object> json, String howToPage) {
        @SuppressWarnings("unchecked")
        List<Object> results = (List<Object>) json.get("results");
        String whole = Json.write(json);
        if (whole.length() <= maxChars) {
            return whole;
        }
        Map<String, Object> rest = new LinkedHashMap<>(json);
        rest.put("results", List.of());
        int budget = maxChars - NOTE_ROOM - Json.write(rest).length();
        List<Object> kept = new ArrayList<>();
        for (Object result : results) {
            int size = Json.write(result).length() + 1;
            if (size > budget) {
                break;
            }
            budget -= size;
            kept.add(result);
        }
        rest.put("results", kept);
        Map<String, Object> truncated = new LinkedHashMap<>();
        truncated.put("shown", kept.size());
        truncated.put("omitted", results.size() - kept.size());
        truncated.put("max_tokens", tokens());
        truncated.put("how_to_page", howToPage);
        rest.put("truncated", truncated);
        return Json.write(rest);
    }

    /** Any other reply: cut at the last line break that fits. */
    public String any(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf('\n', maxChars - NOTE_ROOM);
        cut = cut <= 0 ? maxChars - NOTE_ROOM : cut;
        return text.substring(0, cut) + "\n\n[reply cut at about " + tokens() + " tokens (" + ENV + "): "
                + (text.length() - cut) + " more characters left out]";
    }

    private String note(int shown, int left, String howToPage) {
        return "[" + left + " more result" + (left == 1 ? "" : "s") + " left out after the first " + shown
                + " to keep this reply under about " + tokens() + " tokens (" + ENV + "). " + howToPage + "]";
    }
}
