package io.memtomem.core.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of the redaction gate, read from {@code secret-rules.txt}.
 *
 * @param label    whether it is one of the broad labelled-key rules that frontmatter {@code redaction:
 *                 documents-patterns} waives
 * @param triggers lower-case strings of which every match holds one (in any case), in its first word
 */
public record SecretRule(String id, boolean label, List<String> triggers, Pattern pattern) {
    public SecretRule {
        triggers = List.copyOf(triggers);
    }
}
