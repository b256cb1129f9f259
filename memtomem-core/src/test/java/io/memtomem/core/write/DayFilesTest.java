package io.memtomem.core.write;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayFilesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 30);

    @Test
    void defaultOrNoNamespaceWritesThePlainDayFile() {
        assertEquals("2026-03-30.md", DayFiles.name(DAY, null, "default"));
        assertEquals("2026-03-30.md", DayFiles.name(DAY, "default", "default"));
        assertEquals("2026-03-30.md", DayFiles.name(DAY, "work", "work"));
    }

    @Test
    void otherNamespaceGetsSlugAndFirst16HexOfItsSha256() {
        // sha256("work") = 00e13ed7af55b276…
        assertEquals("2026-03-30--work-00e13ed7af55b276.md", DayFiles.name(DAY, "work", "default"));
    }

    @Test
    void charactersOutsideTheSafeSetBecomeOneDashPerCodePointAndEdgesAreTrimmed() {
        assertEquals("agent-runtime-bot_1.v2", DayFiles.slug("agent-runtime:bot_1.v2"));
        assertEquals("a--b", DayFiles.slug("a/\uD83D\uDE00b")); // the emoji is one code point, two UTF-16 units
        assertEquals("team", DayFiles.slug("::team//"));
    }

    @Test
    void slugIsCappedAtSixtyUtf8BytesEvenWhenTheNamespaceIsMultibyte() {
        String namespace = "x" + "가".repeat(70) + "y";

        String slug = DayFiles.slug(namespace);

        assertEquals(60, slug.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("x" + "-".repeat(59), slug);
        String name = DayFiles.name(DAY, namespace, "default");
        assertTrue(name.matches("2026-03-30--x-{59}-[0-9a-f]{16}\\.md"), name);
    }

    @Test
    void namespacesWithTheSameSlugStillGetDifferentFiles() {
        assertEquals(DayFiles.slug("a/b"), DayFiles.slug("a:b"));
        assertNotEquals(DayFiles.name(DAY, "a/b", "default"), DayFiles.name(DAY, "a:b", "default"));
    }

    @Test
    void koreanNamespaceDigestIsOverTheUtf8Bytes() {
        // sha256("프로젝트/알파".encode("utf-8")) = 326abf3df636c6dd…
        assertEquals("326abf3df636c6dd", DayFiles.digest16("프로젝트/알파"));
    }
}
