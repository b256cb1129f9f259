package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {
    private static final List<String> SYSTEM = List.of("archive:", "agent-runtime:");

    @Test
    void sourceFilterWithoutGlobCharactersIsASubstring() {
        SourceFilter filter = SourceFilter.parse("notes/2026");
        assertTrue(filter.matches("/home/u/notes/2026-03-30.md"));
        assertFalse(filter.matches("/home/u/other/2026.md"));
    }

    @Test
    void sourceFilterGlobMatchesTheWholePathLikeFnmatch() {
        assertTrue(SourceFilter.parse("*/notes/*.md").matches("/home/u/notes/deep/a.md"));
        assertFalse(SourceFilter.parse("*.md").matches("/home/u/a.json"));
        assertTrue(SourceFilter.parse("/x/[!b]?.md").matches("/x/ab.md"));
        assertFalse(SourceFilter.parse("/x/[!b]?.md").matches("/x/bb.md"));
        assertTrue(SourceFilter.parse("/x/[a.md").matches("/x/[a.md"));
    }

    @Test
    void blankSourceFilterMatchesEverything() {
        assertTrue(SourceFilter.parse(" ").matchesEverything());
        assertTrue(SourceFilter.parse(null).matches("/anything"));
    }

    @Test
    void unpinnedNamespaceHidesSystemPrefixes() {
        NamespaceFilter filter = NamespaceFilter.parse(null, SYSTEM);
        assertTrue(filter.hidesSystemNamespaces());
        assertTrue(filter.sql("c.namespace").startsWith("NOT ("));
        assertEquals(List.of("archive:", "archive;", "agent-runtime:", "agent-runtime;"), filter.params());
    }

    @Test
    void namespaceListAndGlobBecomeEqualityAndEscapedLike() {
        NamespaceFilter filter = NamespaceFilter.parse("work, archive:*, a_b", SYSTEM);
        assertFalse(filter.hidesSystemNamespaces());
        assertEquals("(c.namespace = ? OR c.namespace LIKE ? ESCAPE '\\' OR c.namespace = ?)", filter.sql("c.namespace"));
        assertEquals(List.of("work", "archive:%", "a_b"), filter.params());
    }
}
