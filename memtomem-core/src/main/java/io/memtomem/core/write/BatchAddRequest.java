package io.memtomem.core.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Many entries appended to one file in a single write and indexed once. The target is decided by the batch's
 * {@code namespace} and {@code file}; an entry may repeat them but not name a different one. {@code forceUnsafe} and
 * {@code allowNamespaceMix} mean what they mean for {@link AddOptions}.
 */
public record BatchAddRequest(List<AddRequest> entries, String namespace, String file, boolean forceUnsafe,
                              boolean allowNamespaceMix) {
    public BatchAddRequest {
        entries = entries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** A batch that keeps the redaction gate and the namespace-mix refusal. */
    public BatchAddRequest(List<AddRequest> entries, String namespace, String file) {
        this(entries, namespace, file, false, false);
    }
}
