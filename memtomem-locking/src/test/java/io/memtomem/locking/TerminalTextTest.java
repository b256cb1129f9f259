package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import org.junit.jupiter.api.Test;

/** §1.4 rendering rules used by refusal messages, hints and probe errors. */
class TerminalTextTest {

    private final Os os = FakeOs.posix();

    @Test
    void safePathsStayUnquotedLikeShlexQuote() {
        assertEquals("/tmp/memtomem-1000", TerminalText.shellQuote(os, "/tmp/memtomem-1000"));
        assertEquals("''", TerminalText.shellQuote(os, ""));
        assertEquals("'/tmp/a b'", TerminalText.shellQuote(os, "/tmp/a b"));
    }

    @Test
    void nonPrintablePathsUseAnsiCQuotingWithByteEscapesAndEscapedQuotes() {
        assertEquals("$'/tmp/it\\'s\\\\\\x09\\xc2\\x85'", TerminalText.shellQuote(os, "/tmp/it's\\\t\u0085"));
    }

    @Test
    void scrubEscapesControlCharactersButKeepsPrintableNonAscii() {
        assertEquals("/tmp/메모\\x1b[31m\\xe2\\x80\\xa8é", TerminalText.scrub(os, "/tmp/메모\u001b[31m\u2028é"));
    }

    @Test
    void truncateNeverSplitsAnEscape() {
        String text = "a".repeat(115) + "\\x1b" + "b".repeat(20);

        String cut = TerminalText.truncate(text, 120);

        assertTrue(cut.length() <= 120);
        assertEquals("a".repeat(115) + "...", cut);
    }
}
