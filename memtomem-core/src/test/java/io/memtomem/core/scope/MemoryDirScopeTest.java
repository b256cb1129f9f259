package io.memtomem.core.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryDirScopeTest {
    @TempDir
    Path home;

    @Test
    void theDirItselfAndWhatLiesUnderItBelongButASiblingWithTheSamePrefixDoesNot() throws Exception {
        Path notes = Files.createDirectories(home.resolve("notes"));
        MemoryDirScope scope = new MemoryDirScope(List.of(notes));
        assertEquals(Optional.of(notes.toRealPath()), scope.locate(notes));
        assertEquals(Optional.of(notes.toRealPath().resolve("sub/a.md")), scope.locate(notes.resolve("sub/a.md")));
        assertTrue(scope.locate(home.resolve("notes2/a.md")).isEmpty());
    }

    @Test
    void aSymlinkInsideThatPointsOutsideIsOutside() throws Exception {
        Path notes = Files.createDirectories(home.resolve("notes"));
        Path outside = Files.writeString(home.resolve("outside.md"), "# x\n");
        Path link = Files.createSymbolicLink(notes.resolve("link.md"), outside);
        assertTrue(new MemoryDirScope(List.of(notes)).locate(link).isEmpty());
    }

    @Test
    void aFileReachedThroughASymlinkedMemoryDirIsInside() throws Exception {
        Path real = Files.createDirectories(home.resolve("real-notes"));
        Path linkedDir = Files.createSymbolicLink(home.resolve("notes"), real);
        Path file = Files.writeString(real.resolve("a.md"), "# a\n");
        assertEquals(Optional.of(file.toRealPath()),
                new MemoryDirScope(List.of(linkedDir)).locate(linkedDir.resolve("a.md")));
    }
}
