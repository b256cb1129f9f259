package io.memtomem.cli.uninstall;

import java.nio.file.Path;

/**
 * One inventoried path; a directory (config.d, memories, uploads, logs) is one entry and moves as a whole.
 *
 * @param keptBecause why it is kept whatever the flags say (a database outside ~/.memtomem, a file that is not a
 *                    SQLite database); null when the keep flags decide
 */
record Entry(Group group, Path path, long bytes, String keptBecause) {
}
