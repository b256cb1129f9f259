package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.memtomem.core.InvalidInputException;
import java.time.Duration;
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
    void sourceFilterGlobClassesFollowFnmatch() {
        assertTrue(SourceFilter.parse("/x/[a-c][!0-9].md").matches("/x/bz.md"));
        assertFalse(SourceFilter.parse("/x/[a-c][!0-9].md").matches("/x/b1.md"));
        assertTrue(SourceFilter.parse("/x/[]a].md").matches("/x/].md"));
        assertTrue(SourceFilter.parse("/x/[a-].md").matches("/x/-.md"));
        assertTrue(SourceFilter.parse("/x/[!]a].md").matches("/x/b.md"));
        assertFalse(SourceFilter.parse("/x/[!]a].md").matches("/x/].md"));
        assertTrue(SourceFilter.parse("/x/\\?.md").matches("/x/\\z.md"));
        assertTrue(SourceFilter.parse("/x/?.md").matches("/x/\uD83D\uDE00.md")); // one code point, two chars
        assertTrue(SourceFilter.parse("/x/**a*").matches("/x/b/a/c"));
        assertFalse(SourceFilter.parse("/x/*a").matches("/x/ab"));
    }

    /** A hang guard, not a speed target: as a regex this pattern backtracked for minutes on one path. */
    @Test
    void starQuestionGlobMatchesWithoutBacktracking() {
        String pattern = "*?".repeat(10) + "Z";
        String path = "/home/user/memories/" + "a".repeat(80) + ".md";
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertFalse(SourceFilter.parse(pattern).matches(path)));
        assertTrue(SourceFilter.parse(pattern).matches(path + "Z"));
    }

    @Test
    void reversedGlobRangeIsABadArgumentNamingTheParameter() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SourceFilter.parse("/notes/[z-a].md"));
        assertEquals("source_filter", error.parameter());
        assertTrue(error.getMessage().contains("reversed range z-a") && error.getMessage().contains("a-z"),
                error.getMessage());
    }

    @Test
    void overlongGlobIsABadArgument() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SourceFilter.parse("*" + "a".repeat(PathGlob.MAX_LENGTH)));
        assertEquals("source_filter", error.parameter());
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
