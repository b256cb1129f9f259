package io.memtomem.core.redact;

import io.memtomem.core.chunk.Frontmatter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The secret-redaction gate (memory-core.md §4.4): finds text that looks like a credential, so writes can refuse it
 * and indexing can skip the file. Reports rule ids and line numbers only, so no message ever repeats a secret.
 * Thread-safe.
 */
public final class RedactionGate {
    static final String RULES_RESOURCE = "secret-rules.txt";
    private static final String EXEMPTION = "redaction: documents-patterns";
    private static final Pattern RULE_LINE = Pattern.compile("(\\S+)\\s+(label|token)\\s+(\\S.*)");

    private static final class Standard {
        static final RedactionGate GATE = new RedactionGate(load());
    }

    private final List<SecretRule> rules;

    RedactionGate(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The gate with the rules shipped in {@value #RULES_RESOURCE}, loaded once. */
    public static RedactionGate standard() {
        return Standard.GATE;
    }

    public List<SecretRule> rules() {
        return rules;
    }

    /** Scans a whole file, honouring its own frontmatter exemption. */
    public List<SecretFinding> scanFile(String text) {
        return scan(text, declaresExemption(text));
    }

    /**
     * @param labelRulesWaived skip the label rules, as for a file whose frontmatter declares
     *                         {@code redaction: documents-patterns}
     * @return findings ordered by line, one per rule and line
     */
    public List<SecretFinding> scan(String text, boolean labelRulesWaived) {
        List<SecretFinding> findings = new ArrayList<>();
        LineNumbers lines = null;
        for (SecretRule rule : rules) {
            if (labelRulesWaived && rule.label()) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                lines = lines != null ? lines : new LineNumbers(text);
                findings.add(new SecretFinding(rule.id(), lines.lineOf(matcher.start())));
            }
        }
        return findings.stream().distinct()
                .sorted(Comparator.comparingInt(SecretFinding::line).thenComparing(SecretFinding::ruleId))
                .toList();
    }

    /** Whether the text's frontmatter holds the line {@code redaction: documents-patterns}. */
    public static boolean declaresExemption(String text) {
        for (String line : Frontmatter.lines(text)) {
            if (line.strip().equals(EXEMPTION)) {
                return true;
            }
        }
        return false;
    }

    /** {@code aws-access-key-id (line 3), jwt (lines 5, 9)}: what matched where, without the matched text. */
    public static String describe(List<SecretFinding> findings) {
        Map<String, Set<Integer>> linesByRule = new LinkedHashMap<>();
        for (SecretFinding finding : findings) {
            linesByRule.computeIfAbsent(finding.ruleId(), rule -> new LinkedHashSet<>()).add(finding.line());
        }
        return linesByRule.entrySet().stream()
                .map(entry -> entry.getKey() + " (line" + (entry.getValue().size() > 1 ? "s " : " ")
                        + entry.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }

    static List<SecretRule> load() {
        try (InputStream in = RedactionGate.class.getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RULES_RESOURCE + " is missing from the memtomem-core jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES_RESOURCE, e);
        }
    }

    static List<SecretRule> parse(List<String> lines) {
        List<SecretRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher parts = RULE_LINE.matcher(line);
            if (!parts.matches()) {
                throw new IllegalStateException(RULES_RESOURCE + " line " + (i + 1)
                        + ": expected '<id> label|token <regex>'");
            }
            try {
                rules.add(new SecretRule(parts.group(1), parts.group(2).equals("label"),
                        Pattern.compile(parts.group(3))));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RULES_RESOURCE + " line " + (i + 1) + ": bad regex for "
                        + parts.group(1) + ": " + e.getDescription(), e);
            }
        }
        return rules;
    }

    /** Maps a character offset to its 1-based line, computed only once a rule has matched. */
    private static final class LineNumbers {
        private final int[] lineStarts;

        LineNumbers(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(int offset) {
            int found = Arrays.binarySearch(lineStarts, offset);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }
}
