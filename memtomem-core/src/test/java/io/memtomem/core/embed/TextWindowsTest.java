package io.memtomem.core.embed;

import io.memtomem.core.chunk.Chunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextWindowsTest {

    @Test
    void aChunkThatFitsOneWindowIsEmbeddedAsItsRetrievalText() {
        assertEquals(List.of(Chunk.retrievalText(List.of("# A", "## B"), "short text")),
                TextWindows.of("# A > ## B", "short text"));
        assertEquals(List.of("no heading"), TextWindows.of("", "no heading"));
    }

    @Test
    void aLongChunkBecomesOverlappingWindowsCutAtBoundariesEachLedByTheBreadcrumb() {
        StringBuilder text = new StringBuilder();
        for (int turn = 1; turn <= 40; turn++) {
            text.append("**Speaker** [D1:").append(turn).append("]: sentence number ").append(turn)
                    .append(" of a long conversation.\n\n");
        }
        List<String> windows = TextWindows.of("Conversation 1", text.toString());
        assertTrue(windows.size() > 1, windows::toString);
        for (String window : windows) {
            assertTrue(window.startsWith("Conversation 1\n\n**Speaker**"), "starts on a turn: " + window);
            assertTrue(window.length() <= "Conversation 1\n\n".length() + TextWindows.MAX_CHARS, window);
        }
        for (int turn = 1; turn <= 40; turn++) {
            String marker = "[D1:" + turn + "]: sentence number " + turn + " of a long conversation.";
            assertTrue(windows.stream().anyMatch(window -> window.contains(marker)), "turn " + turn + " is whole");
        }
    }

    @Test
    void textWithoutBoundariesIsStillCutAndCoveredWhole() {
        String text = "x".repeat(TextWindows.MAX_CHARS * 3);
        List<String> windows = TextWindows.of("", text);
        assertTrue(windows.size() >= 3, windows::toString);
        assertTrue(windows.stream().allMatch(window -> window.length() <= TextWindows.MAX_CHARS));
        assertEquals(text.length(), windows.stream().mapToInt(String::length).sum()
                - (windows.size() - 1) * (TextWindows.MAX_CHARS / 5));
    }
}
