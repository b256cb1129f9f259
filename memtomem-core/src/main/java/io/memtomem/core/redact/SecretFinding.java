package io.memtomem.core.redact;

/** A rule that matched, and the 1-based line where the match starts; never the matched text itself. */
public record SecretFinding(String ruleId, int line) {}
