package io.memtomem.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalTest {
    /** Shaped like Java 22-24's console when stdin/stdout are pipes: present, but not a terminal. */
    public static final class PipedConsole {
        public boolean isTerminal() {
            return false;
        }
    }

    public static final class TerminalConsole {
        public boolean isTerminal() {
            return true;
        }
    }

    /** Java 17-21: no isTerminal(), and a console only exists for a terminal. */
    public static final class OldConsole {
    }

    @Test
    void aConsoleThatSaysItIsNoTerminalIsNotOne() {
        assertFalse(Terminal.attached(new PipedConsole()));
    }

    @Test
    void aConsoleThatIsATerminalOrPredatesIsTerminalCounts() {
        assertTrue(Terminal.attached(new TerminalConsole()));
        assertTrue(Terminal.attached(new OldConsole()));
    }

    @Test
    void noConsoleIsNoTerminal() {
        assertFalse(Terminal.attached(null));
    }
}
