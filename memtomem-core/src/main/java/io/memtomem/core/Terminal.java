package io.memtomem.core;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Whether a person sits at this process's terminal, for {@code mm}'s prompts and progress bar and the server's
 * "started by hand" guard. {@code System.console() != null} meant exactly that (stdin and stdout are terminals) up to
 * Java 21; on Java 22-24 a console exists even when both are pipes, and only {@code Console.isTerminal()} (Java 22+)
 * still tells the difference.
 */
public final class Terminal {
    private Terminal() {
    }

    /** This process's stdin and stdout are a terminal. */
    public static boolean attached() {
        return attached(System.console());
    }

    /** {@code console}: what {@code System.console()} returned; its {@code isTerminal()} decides when it has one. */
    static boolean attached(Object console) {
        if (console == null) {
            return false;
        }
        try {
            // looked up on java.io.Console: the JDK's implementation class is not accessible from here
            Class<?> type = console instanceof Console ? Console.class : console.getClass();
            Method isTerminal = type.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console is only handed out for a terminal
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return false;
        }
    }
}
