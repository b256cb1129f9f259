package io.memtomem.core.index;

import io.memtomem.core.redact.RedactionAudit;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.redact.SecretFinding;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What indexing does with a file the redaction gate flags (memory-core.md §4.2 step 8). Every indexing path applies
 * it: {@code mm index}, {@code mem_index}, the watcher and the writer's re-index after a write. A flagged line whose
 * text is already in the file's indexed chunks was let in by a bypass earlier ({@code --force-unsafe}, a
 * {@code force_unsafe} write) and does not block the file again; any other flagged line does, until it is gone.
 */
enum Redaction {
    /** Skip the file and report it as blocked: every index run, the watcher and the writer's ordinary re-index. */
    BLOCK,
    /** Index it anyway and audit-log the bypass: {@code mm index --force-unsafe}. */
    BYPASS_AUDITED,
    /** Index it anyway: the writer re-indexing after a {@code force_unsafe} write, which it audit-logged itself. */
    BYPASS_WRITTEN;

    /**
     * @param indexedChunks the contents of the file's chunks already in the index, read only when something is
     *                      flagged
     * @return why the file must not be indexed, or null to index it
     */
    String blockReason(Path file, String text, Supplier<List<String>> indexedChunks) {
        List<SecretFinding> findings = RedactionGate.standard().scanFile(text);
        if (findings.isEmpty() || this == BYPASS_WRITTEN) {
            return null;
        }
        if (this == BYPASS_AUDITED) {
            RedactionAudit.bypassed("mm index --force-unsafe", file, RedactionGate.describe(findings));
            return null;
        }
        List<SecretFinding> fresh = notIndexedYet(findings, text, indexedChunks.get());
        if (fresh.isEmpty()) {
            return null;
        }
        return "blocked by the redaction gate: " + RedactionGate.describe(fresh)
                + " (remove the secret; mm index --force-unsafe indexes it anyway)";
    }

    private static List<SecretFinding> notIndexedYet(List<SecretFinding> findings, String text,
                                                     List<String> indexedChunks) {
        if (indexedChunks.isEmpty()) {
            return findings;
        }
        List<String> lines = text.lines().toList();
        return findings.stream().filter(finding -> {
            String line = finding.line() <= lines.size() ? lines.get(finding.line() - 1).strip() : "";
            return line.isEmpty() || indexedChunks.stream().noneMatch(chunk -> chunk.contains(line));
        }).toList();
    }
}
