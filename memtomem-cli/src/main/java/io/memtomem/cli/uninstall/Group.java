package io.memtomem.cli.uninstall;

/** Inventory groups in display order, with what keeps each of them. */
enum Group {
    DATABASE("Database", "database", Keep.DATA),
    CONFIG("Config", "config.json", Keep.CONFIG),
    FRAGMENTS("Fragments", "fragments", Keep.CONFIG),
    BACKUPS("Backups", "backups", Keep.CONFIG),
    MEMORIES("Memories", "memories", Keep.DATA),
    UPLOADS("Uploads", "uploads", Keep.NEVER),
    LOGS("Logs", "logs", Keep.NEVER),
    OTHER("Other", "session/pid", Keep.NEVER);

    /** Staging order (locking.md §7.7): session and pid files first, the database last. */
    static final Group[] STAGING_ORDER = {OTHER, LOGS, FRAGMENTS, BACKUPS, CONFIG, MEMORIES, UPLOADS, DATABASE};

    enum Keep { DATA, CONFIG, NEVER }

    private final String label;
    private final String summaryLabel;
    private final Keep keptBy;

    Group(String label, String summaryLabel, Keep keptBy) {
        this.label = label;
        this.summaryLabel = summaryLabel;
        this.keptBy = keptBy;
    }

    String label() {
        return label;
    }

    /** How the group is named in the final {@code Removed: …} line. */
    String summaryLabel() {
        return summaryLabel;
    }

    boolean kept(boolean keepData, boolean keepConfig) {
        return keptBy == Keep.DATA && keepData || keptBy == Keep.CONFIG && keepConfig;
    }
}
