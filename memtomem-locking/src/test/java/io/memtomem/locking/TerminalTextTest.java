package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * §1.4 rendering rules used by refusal messages, hints and probe errors. Multi-byte cases use the Windows fake, whose
 * file-name bytes are always UTF-8; POSIX bytes depend on the host's file-name charset.
 */
class TerminalTextTest {

    private final Os posix = FakeOs.posix();
    private final Os utf8Names = FakeOs.windows(Path.of("unused"));

    @Test
    void safePathsStayUnquotedLikeShlexQuote() {
        assertEquals("/tmp/memtomem-1000", TerminalText.shellQuote(posix, "/tmp/memtomem-1000"));
        assertEquals("''", TerminalText.shellQuote(posix, ""));
        assertEquals("'/tmp/a b'", TerminalText.shellQuote(posix, "/tmp/a b"));
    }

    @Test
    void nonPrintablePathsUseAnsiCQuotingWithByteEscapesAndEscapedQuotes() {
        assertEquals("$'/tmp/it\\'s\\\\\\x09'", TerminalText.shellQuote(posix, "/tmp/it's\\\t"));
        assertEquals("$'/tmp/\\xc2\\x85'", TerminalText.shellQuote(utf8Names, "/tmp/\u0085"));
    }

    @Test
    void scrubEscapesControlCharactersButKeepsPrintableNonAscii() {
        assertEquals("/tmp/x\\x1b[31m", TerminalText.scrub(posix, "/tmp/x\u001b[31m"));
        assertEquals("/tmp/메모\\xe2\\x80\\xa8é", TerminalText.scrub(utf8Names, "/tmp/메모\u2028é"));
    }

    @Test
    void truncateNeverSplitsAnEscape() {
        String text = "a".repeat(115) + "\\x1b" + "b".repeat(20);

        String cut = TerminalText.truncate(text, 120);

        assertTrue(cut.length() <= 120);
        assertEquals("a".repeat(115) + "...", cut);
    }
}
