package io.memtomem.core.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of the redaction gate, read from {@code secret-rules.txt}.
 *
 * @param label    whether it is one of the broad labelled-key rules that frontmatter {@code redaction:
 *                 documents-patterns} waives
 * @param triggers lower-case strings of which every match holds one (in any case); text holding none is skipped
 */
public record SecretRule(String id, boolean label, List<String> triggers, Pattern pattern) {
    public SecretRule {
        triggers = List.copyOf(triggers);
    }

    /** @param lowerCaseText the scanned text in lower case ({@link java.util.Locale#ROOT}) */
    boolean mayMatch(String lowerCaseText) {
        for (String trigger : triggers) {
            if (lowerCaseText.contains(trigger)) {
                return true;
            }
        }
        return false;
    }
}
