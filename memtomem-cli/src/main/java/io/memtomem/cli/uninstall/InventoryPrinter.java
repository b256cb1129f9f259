package io.memtomem.cli.uninstall;

import io.memtomem.cli.common.Text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The inventory block of locking.md §7.10: one line per path (or one per crowded group), then the total. */
final class InventoryPrinter {
    private static final int MAX_LINES_PER_GROUP = 3;

    private final PrintWriter out;
    private final Path home;

    InventoryPrinter(PrintWriter out, Path home) {
        this.out = out;
        this.home = home;
    }

    void print(Inventory inventory, boolean keepData, boolean keepConfig) {
        out.println("memtomem state inventory:");
        inventory.customStorageDir().ifPresent(dir -> out.println("  (custom storage path: " + dir + ")"));
        if (inventory.entries().isEmpty()) {
            out.println("  (nothing found)");
            return;
        }
        long total = 0;
        for (Group group : Group.values()) {
            List<Entry> entries = inventory.entries().stream().filter(entry -> entry.group() == group).toList();
            if (entries.isEmpty()) {
                continue;
            }
            String keptBecause = entries.get(0).keptBecause(); // one reason covers a database and its siblings
            boolean kept = keptBecause != null || group.kept(keepData, keepConfig);
            String suffix = keptBecause != null ? "  (kept: " + keptBecause + ")" : kept ? "  (kept)" : "";
            long groupBytes = entries.stream().mapToLong(Entry::bytes).sum();
            Path commonParent = entries.get(0).path().getParent();
            boolean oneParent = entries.stream().allMatch(entry -> entry.path().getParent().equals(commonParent));
            if (entries.size() > MAX_LINES_PER_GROUP && oneParent) {
                line(group, Text.tilde(commonParent, home) + "/ (" + entries.size() + " files)", groupBytes, suffix);
            } else {
                entries.forEach(entry -> line(group, Text.tilde(entry.path(), home), entry.bytes(), suffix));
            }
            total += kept ? 0 : groupBytes;
        }
        out.println();
        out.println("Total to delete: ~" + Text.bytes(total));
    }

    private void line(Group group, String where, long bytes, String suffix) {
        out.println("  " + Text.padRight(group.label(), 11) + "  " + Text.padRight(where, 54) + "  "
                + Text.bytes(bytes) + suffix);
    }
}
