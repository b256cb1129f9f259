package io.memtomem.core.write;

/**
 * How {@code mem_add} may bend its safety rules.
 *
 * @param forceUnsafe       write even though the redaction gate flags the entry (audit-logged)
 * @param allowNamespaceMix append to a file whose chunks carry another namespace (re-indexing then moves the whole
 *                          file to this namespace)
 * @param idempotencyKey    at most {@value IdempotentAdds#MAX_KEY_CHARS} characters; a repeat within 24 h returns the
 *                          first call's result and writes nothing; null or blank = none
 * @param confirmProjectShared write with {@code scope=project_shared}, whose files everyone gets through git
 */
public record AddOptions(boolean forceUnsafe, boolean allowNamespaceMix, String idempotencyKey,
                         boolean confirmProjectShared) {
    public static final AddOptions NONE = new AddOptions(false, false, null, false);

    /** Options for a user-tier or project_local write (no shared-file confirmation). */
    public AddOptions(boolean forceUnsafe, boolean allowNamespaceMix, String idempotencyKey) {
        this(forceUnsafe, allowNamespaceMix, idempotencyKey, false);
    }
}
