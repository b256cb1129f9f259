package io.memtomem.core.index;

/** How to fix a file the indexer could not index, as {@code mm status} and {@code mem_status} list it. */
final class UnindexedReasons {
    private UnindexedReasons() {
    }

    /** @return the fix, or null when the outcome is not a file left unindexed */
    static String fix(FileOutcome outcome) {
        return switch (outcome.status()) {
            case SKIPPED -> outcome.message().startsWith(FileContent.OVERSIZE)
                    ? "split it into files under 10 MB (larger files are skipped, by the Python memtomem too), then "
                    + "run mm index"
                    : outcome.message().startsWith(FileContent.BINARY)
                    ? "remove its NUL bytes (e.g. tr -d '\\000'), or move a file that is not text out of the memory "
                    + "dir; then run mm index"
                    : null;
            case BLOCKED -> "remove the secret from the file, or index it anyway with mm index --force-unsafe "
                    + "(audit-logged)";
            case FAILED -> "check that the file is readable text, then run mm index";
            default -> null;
        };
    }
}
