package io.memtomem.cli.index;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's width for the progress bar: {@code COLUMNS} when exported, else {@code stty size} on the
 * controlling terminal (POSIX), else the fallback. Asked once per bar, only when a bar is shown.
 */
final class TerminalWidth {
    private TerminalWidth() {
    }

    static int columns(int fallback) {
        Integer fromEnv = parse(System.getenv("COLUMNS"));
        if (fromEnv != null) {
            return fromEnv;
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return fallback;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroy();
                return fallback;
            }
            String[] rowsCols = size.split("\\s+");
            Integer columns = rowsCols.length == 2 ? parse(rowsCols[1]) : null;
            return columns == null ? fallback : columns;
        } catch (java.io.IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    private static Integer parse(String text) {
        try {
            int value = text == null ? 0 : Integer.parseInt(text.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
