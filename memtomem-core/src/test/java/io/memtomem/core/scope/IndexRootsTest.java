package io.memtomem.core.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRootsTest {
    @TempDir
    Path home;

    private IndexRoots roots(Path... projectDirs) {
        MemtomemConfig config = TestStores.notesBuilder(home).projectMemoryDirs(projectDirs).build();
        return IndexRoots.of(config);
    }

    private Path real(Path path) throws IOException {
        Files.createDirectories(path);
        return path.toRealPath();
    }

    @Test
    void theConventionalDirsAreSharedAndLocalTiersOfTheProjectAboveDotMemtomem() throws IOException {
        Path project = real(home.resolve("work/app"));
        Path shared = real(project.resolve(".memtomem/memories"));
        Path local = real(project.resolve(".memtomem/memories.local"));
        IndexRoots roots = roots(shared, local);
        assertEquals(new ScopedLocation(Scope.PROJECT_SHARED, project), roots.classify(shared.resolve("a.md")));
        assertEquals(new ScopedLocation(Scope.PROJECT_LOCAL, project),
                roots.classify(local.resolve("deep/er/b.md")));
    }

    @Test
    void otherProjectDirsBelongToTheirParentAndOnlyMemoriesLocalIsLocal() throws IOException {
        Path team = real(home.resolve("team/notes"));
        Path scratch = real(home.resolve("scratch/memories.local"));
        IndexRoots roots = roots(team, scratch);
        assertEquals(new ScopedLocation(Scope.PROJECT_SHARED, home.toRealPath().resolve("team")),
                roots.classify(team.resolve("x/y.md")));
        assertEquals(new ScopedLocation(Scope.PROJECT_LOCAL, home.toRealPath().resolve("scratch")),
                roots.classify(scratch.resolve("c.md")));
    }

    @Test
    void filesInMemoryDirsOrOutsideEveryRootAreUserScope() throws IOException {
        Path shared = real(home.resolve("app/.memtomem/memories"));
        IndexRoots roots = roots(shared);
        assertEquals(ScopedLocation.USER, roots.classify(real(home.resolve("notes")).resolve("day.md")));
        assertEquals(ScopedLocation.USER, roots.classify(home.toRealPath().resolve("elsewhere/e.md")));
        // a sibling whose name merely starts like the dir is not inside it
        assertEquals(ScopedLocation.USER, roots.classify(shared.resolveSibling("memories2").resolve("f.md")));
    }

    @Test
    void aProjectDirNestedInAMemoryDirWinsAsTheDeeperRoot() throws IOException {
        Path notes = real(home.resolve("notes"));
        Path nested = real(notes.resolve("app/.memtomem/memories"));
        IndexRoots roots = roots(nested);
        assertEquals(Scope.PROJECT_SHARED, roots.classify(nested.resolve("n.md")).scope());
        assertEquals(ScopedLocation.USER, roots.classify(notes.resolve("app/readme.md")));
    }

    @Test
    void aSymlinkedProjectDirClassifiesItsRealFilesAndKeepsItsProject() throws IOException {
        Path target = real(home.resolve("storage/app-memories"));
        Path project = real(home.resolve("app"));
        Files.createDirectories(project.resolve(".memtomem"));
        Path link = Files.createSymbolicLink(project.resolve(".memtomem/memories.local"), target);
        IndexRoots roots = roots(link);
        // the indexer sees sources by their real path, so a file reached through the link is under the target
        assertEquals(new ScopedLocation(Scope.PROJECT_LOCAL, project), roots.classify(target.resolve("a.md")));
        assertEquals(target, roots.rootOf(target.resolve("a.md")).orElseThrow().dir());
    }
}
