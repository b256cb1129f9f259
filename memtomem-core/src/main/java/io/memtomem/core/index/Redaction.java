package io.memtomem.core.index;

import io.memtomem.core.redact.RedactionAudit;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.redact.SecretFinding;

import java.nio.file.Path;
import java.util.List;

/** What indexing does with a file the redaction gate flags (memory-core.md §4.2 step 8). */
enum Redaction {
    /** Skip the file and report it as blocked: every index run and the watcher. */
    BLOCK,
    /** Index it anyway and audit-log the bypass: {@code mm index --force-unsafe}. */
    BYPASS_AUDITED,
    /** Do not scan: the writer re-indexing the file it just wrote, whose new text it has already gated. */
    OFF;

    /** @return why the file must not be indexed, or null to index it */
    String blockReason(Path file, String text) {
        if (this == OFF) {
            return null;
        }
        List<SecretFinding> findings = RedactionGate.standard().scanFile(text);
        if (findings.isEmpty()) {
            return null;
        }
        String flagged = RedactionGate.describe(findings);
        if (this == BYPASS_AUDITED) {
            RedactionAudit.bypassed("mm index --force-unsafe", file, flagged);
            return null;
        }
        return "blocked by the redaction gate: " + flagged
                + " (remove the secret; mm index --force-unsafe indexes it anyway)";
    }
}
