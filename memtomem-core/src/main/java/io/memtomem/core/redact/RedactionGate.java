package io.memtomem.core.redact;

import io.memtomem.core.ClassResources;
import io.memtomem.core.chunk.Frontmatter;

import java.io.IOException;
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
    /** How far before a trigger, within its word, a match may start (e.g. the APP_DB_ of APP_DB_PASSWORD). */
    private static final int MAX_WORD_PREFIX = 128;
    private static final Pattern RULE_LINE = Pattern.compile("(\\S+)\\s+(label|token)\\s+(\\S+)\\s+(\\S.*)");
    private static final int ASCII = 128;

    private static final class Standard {
        static final RedactionGate GATE = new RedactionGate(load());
    }

    /** A trigger string and the index of its rule. */
    private record Trigger(String text, int rule) {}

    private final List<SecretRule> rules;
    /**
     * Triggers by their first two characters ({@code first * 128 + second}); null where none starts. Two characters
     * rather than one, because single letters such as 'a', 's' and 't' start a trigger at most positions of prose.
     */
    @SuppressWarnings("unchecked")
    private final List<Trigger>[] triggersByBigram = new List[ASCII * ASCII];
    /** Characters (either case) that start a trigger: most positions are ruled out by this one look-up. */
    private final boolean[] startsTrigger = new boolean[ASCII];

    RedactionGate(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            for (String trigger : this.rules.get(i).triggers()) {
                if (trigger.length() < 2 || !trigger.chars().allMatch(c -> c < ASCII && Character.toLowerCase(c) == c)) {
                    throw new IllegalStateException(RULES_RESOURCE + ": trigger '" + trigger + "' of "
                            + this.rules.get(i).id() + " must be two or more lower-case ASCII characters");
                }
                startsTrigger[trigger.charAt(0)] = true;
                startsTrigger[Character.toUpperCase(trigger.charAt(0))] = true;
                int bigram = trigger.charAt(0) * ASCII + trigger.charAt(1);
                if (triggersByBigram[bigram] == null) {
                    triggersByBigram[bigram] = new ArrayList<>();
                }
                triggersByBigram[bigram].add(new Trigger(trigger, i));
            }
        }
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
        Matcher[] matchers = new Matcher[rules.size()];
        Lines lines = null;
        // one pass: where the next two characters start a trigger, compare the trigger and try its rule
        for (int at = 0; at + 1 < text.length(); at++) {
            List<Trigger> candidates = triggersStartingWith(text.charAt(at), text.charAt(at + 1));
            if (candidates == null) {
                continue;
            }
            for (Trigger trigger : candidates) {
                SecretRule rule = rules.get(trigger.rule());
                if (labelRulesWaived && rule.label()
                        || !text.regionMatches(true, at, trigger.text(), 0, trigger.text().length())) {
                    continue;
                }
                if (matchers[trigger.rule()] == null) {
                    matchers[trigger.rule()] = rule.pattern().matcher(text).useTransparentBounds(true)
                            .useAnchoringBounds(false);
                }
                int start = matchStart(matchers[trigger.rule()], text, at);
                if (start >= 0) {
                    lines = lines != null ? lines : new Lines(text);
                    findings.add(new SecretFinding(rule.id(), lines.indexOf(start) + 1));
                }
            }
        }
        if (findings.isEmpty()) {
            return List.of(); // the usual case, without a stream and comparator to link in a cold mm add
        }
        return findings.stream().distinct()
                .sorted(Comparator.comparingInt(SecretFinding::line).thenComparing(SecretFinding::ruleId))
                .toList();
    }

    private List<Trigger> triggersStartingWith(char first, char second) {
        if (first >= ASCII || second >= ASCII || !startsTrigger[first]) {
            return null;
        }
        return triggersByBigram[Character.toLowerCase(first) * ASCII + Character.toLowerCase(second)];
    }

    /**
     * Tries the rule at each position from just before the word holding the trigger up to the trigger itself, the
     * only places a match can start (see the rules file), instead of running it over the whole text.
     *
     * @return where a match starts, or -1
     */
    private static int matchStart(Matcher matcher, String text, int trigger) {
        int wordStart = trigger;
        while (wordStart > 0 && trigger - wordStart < MAX_WORD_PREFIX && isWordChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        for (int start = Math.max(0, wordStart - 1); start <= trigger; start++) {
            matcher.region(start, text.length());
            if (matcher.lookingAt()) {
                return start;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
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
        try {
            byte[] bytes = ClassResources.read(RedactionGate.class, RULES_RESOURCE);
            if (bytes == null) {
                throw new IllegalStateException(RULES_RESOURCE + " is missing from the memtomem-core jar");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8).lines().toList());
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

    /** The line starts of a text, to map offsets to 0-based line indexes. */
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
    }
}
