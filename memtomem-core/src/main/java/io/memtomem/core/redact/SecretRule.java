package io.memtomem.core.redact;

import java.util.regex.Pattern;

/**
 * One rule of the redaction gate, read from {@code secret-rules.txt}.
 *
 * @param label whether it is one of the broad labelled-key rules that frontmatter {@code redaction:
 *              documents-patterns} waives
 */
public record SecretRule(String id, boolean label, Pattern pattern) {}
