package io.memtomem.core.redact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The audit trail of {@code force_unsafe}: every bypass of the gate is logged at WARN (the server log, or stderr for
 * {@code mm}) with the rules and lines, never the matched text.
 */
public final class RedactionAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("io.memtomem.audit");

    private RedactionAudit() {}

    /**
     * @param operation what bypassed the gate, e.g. {@code mem_add} or {@code mm index --force-unsafe}
     * @param flagged   the rules and lines, as {@link RedactionGate#describe} writes them
     */
    public static void bypassed(String operation, Path file, String flagged) {
        AUDIT.warn("redaction gate bypassed (force_unsafe) by {} for {}: {}", operation, file, flagged);
    }
}
