package io.memtomem.core.store;

import io.memtomem.core.InvalidInputException;

/** The rule for a namespace stamped on chunks: 1-128 characters, no control characters (memory-core.md §1.6). */
public final class NamespaceNames {
    public static final int MAX_LENGTH = 128;

    private NamespaceNames() {
    }

    public static String require(String namespace, String parameter) {
        if (namespace == null || namespace.isBlank() || namespace.length() > MAX_LENGTH
                || namespace.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(parameter, parameter + " must be 1-" + MAX_LENGTH
                    + " characters without control characters");
        }
        return namespace;
    }
}
