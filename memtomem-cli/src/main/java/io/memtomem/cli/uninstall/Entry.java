package io.memtomem.cli.uninstall;

import java.nio.file.Path;

/** One inventoried path; a directory (config.d, memories, uploads) is one entry and moves as a whole. */
record Entry(Group group, Path path, long bytes) {
}
