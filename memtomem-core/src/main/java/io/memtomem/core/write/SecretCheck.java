package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.redact.RedactionAudit;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.redact.SecretFinding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The redaction gate before any file write (memory-core.md §4.4): text that looks like a credential is refused, or
 * with {@code force_unsafe} written and audit-logged. Errors and logs name parameters, rules and lines only.
 */
public final class SecretCheck {
    /** Frontmatter sits at the top; a declaration further in than this is not one. */
    private static final int FRONTMATTER_PROBE_BYTES = 64 * 1024;

    private SecretCheck() {}

    /**
     * @param texts         parameter name to the text the caller sent, e.g. {@code content}, {@code title}, {@code tags}
     * @param projectShared whether the target is project_shared memory, shared through git: no bypass there
     * @return what force_unsafe let through, or null when nothing was flagged
     */
    public static String check(String operation, Path target, Map<String, String> texts, boolean forceUnsafe,
                        boolean projectShared) {
        if (forceUnsafe && projectShared) {
            throw new InvalidInputException("force_unsafe", "force_unsafe is never allowed for project_shared memory ("
                    + target + " is shared through git): drop it, and keep secrets out of the text");
        }
        boolean labelRulesWaived = declaresExemption(target);
        Map<String, String> flagged = new LinkedHashMap<>();
        texts.forEach((parameter, text) -> {
            List<SecretFinding> findings = RedactionGate.standard().scan(text, labelRulesWaived);
            if (!findings.isEmpty()) {
                flagged.put(parameter, RedactionGate.describe(findings));
            }
        });
        if (flagged.isEmpty()) {
            return null;
        }
        String description = flagged.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
        if (!forceUnsafe) {
            throw new InvalidInputException(flagged.keySet().iterator().next(), "refused by the secret-redaction "
                    + "gate, which flagged " + description + ". Remove the secret, or if it is not one retry with "
                    + "force_unsafe=true (mm: --force-unsafe)");
        }
        RedactionAudit.bypassed(operation, target, description);
        return description;
    }

    /** An append to a file declaring {@code redaction: documents-patterns} gets the file's exemption. */
    private static boolean declaresExemption(Path target) {
        try (InputStream in = Files.newInputStream(target)) {
            return RedactionGate.declaresExemption(new String(in.readNBytes(FRONTMATTER_PROBE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false; // missing (a new file) or unreadable, which the write itself then reports
        }
    }
}
