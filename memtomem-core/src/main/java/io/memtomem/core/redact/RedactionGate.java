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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
    private static final Pattern RULE_LINE = Pattern.compile("(\\S+)\\s+(label|token)\\s+(\\S+)\\s+(\\S.*)");

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
        String lowerCase = lowerCase(text);
        Lines lines = null;
        for (SecretRule rule : rules) {
            if (labelRulesWaived && rule.label() || !rule.mayMatch(lowerCase)) {
                continue;
            }
            lines = lines != null ? lines : new Lines(text);
            // a match lies within one line and holds a trigger, so only lines holding a trigger need the regex
            Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int line : triggerLines(rule, lowerCase, lines)) {
                matcher.region(lines.start(line), lines.end(line, text));
                while (matcher.find()) {
                    findings.add(new SecretFinding(rule.id(), line + 1));
                }
            }
        }
        return findings.stream().distinct()
                .sorted(Comparator.comparingInt(SecretFinding::line).thenComparing(SecretFinding::ruleId))
                .toList();
    }

    private static SortedSet<Integer> triggerLines(SecretRule rule, String lowerCase, Lines lines) {
        SortedSet<Integer> found = new TreeSet<>();
        for (String trigger : rule.triggers()) {
            for (int at = lowerCase.indexOf(trigger); at >= 0; at = lowerCase.indexOf(trigger, at + 1)) {
                found.add(lines.indexOf(at));
            }
        }
        return found;
    }

    /** Lower case char by char, so offsets stay those of the original text (String.toLowerCase may change length). */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
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
                        + ": expected '<id> label|token <triggers> <regex>'");
            }
            try {
                rules.add(new SecretRule(parts.group(1), parts.group(2).equals("label"),
                        List.of(parts.group(3).split(",")), Pattern.compile(parts.group(4))));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RULES_RESOURCE + " line " + (i + 1) + ": bad regex for "
                        + parts.group(1) + ": " + e.getDescription(), e);
            }
        }
        return rules;
    }

    /** The line starts of a text, to map offsets to 0-based line indexes and back. */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        int indexOf(int offset) {
            int found = Arrays.binarySearch(starts, offset);
            return found >= 0 ? found : -found - 2;
        }

        int start(int line) {
            return starts[line];
        }

        /** Exclusive end, before the line's newline. */
        int end(int line, String text) {
            return line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
        }
    }
}
