package io.memtomem.core.search;

import io.memtomem.core.store.NamespaceFilter;
import java.util.Optional;

/** The hint added when results were hidden in system namespaces because none was pinned. */
final class HiddenNamespaceHint {
    private HiddenNamespaceHint() {
    }

    static Optional<String> of(long hidden, NamespaceFilter filter) {
        if (hidden <= 0) {
            return Optional.empty();
        }
        String prefixes = String.join(", ", filter.hiddenPrefixes());
        String example = filter.hiddenPrefixes().get(0) + "*";
        return Optional.of(hidden + (hidden == 1 ? " memory" : " memories") + " hidden in system namespaces ("
                + prefixes + "); pass namespace=\"" + example + "\" to include them");
    }
}
