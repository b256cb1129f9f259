package io.memtomem.core.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Many entries appended to one file in a single write and indexed once. The target is decided by the batch's
 * {@code namespace} and {@code file}; an entry may repeat them but not name a different one.
 */
public record BatchAddRequest(List<AddRequest> entries, String namespace, String file) {
    public BatchAddRequest {
        entries = entries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries));
    }
}
