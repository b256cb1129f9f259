package io.memtomem.cli.index;

import io.memtomem.core.index.IndexProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private static IndexProgress progress(int done, int total, long chunks) {
        return new IndexProgress(done, total, chunks, 0, 0, null);
    }

    @Test
    void showsFilesChunksRateAndEta() {
        String line = ProgressBar.render(progress(10, 40, 120), 2.0, 100);
        assertEquals("[######------------------] 10/40 files  120 chunks  5.0 files/s  ETA 6s", line);
    }

    @Test
    void theEmbeddingPhaseShowsChunksEmbeddedRateAndEta() {
        String line = ProgressBar.renderEmbedding(30, 120, 3.0, 100);
        assertEquals("[######------------------] 30/120 chunks embedded  10.0 chunks/s  ETA 9s", line);
    }

    @Test
    void theEmbeddingBarIsDrawnWhileChunksArePendingAndErasedAtTheEnd() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(err, true), clock::get, 100);
        clock.set(1_000_000_000L);
        bar.onProgress(64, 200);
        assertTrue(err.toString().contains("64/200 chunks embedded"), err::toString);
        bar.onProgress(200, 200);
        assertTrue(err.toString().endsWith("\r"), "blanked out so the summary stands alone");
    }

    @Test
    void noRateOrEtaUntilThereIsARate() {
        assertEquals("[------------------------] 0/40 files  0 chunks", ProgressBar.render(progress(0, 40, 0), 0.0, 100));
        String early = ProgressBar.render(progress(3, 40, 9), 0.4, 100);
        assertFalse(early.contains("ETA") || early.contains("/s"), early);
    }

    @Test
    void atFiftyColumnsTheLineFitsLeftOfTheLastColumn() {
        for (int columns : new int[] {50, 30, 12}) {
            String line = ProgressBar.render(progress(1234, 56789, 987654), 12.0, columns);
            assertTrue(line.length() < columns, columns + " columns: " + line);
            assertTrue(line.startsWith("["), line);
        }
        // 50 columns: rate and ETA no longer fit and are left out, the counts stay
        assertEquals("[------------] 1234/56789 files  987654 chunks",
                ProgressBar.render(progress(1234, 56789, 987654), 12.0, 50));
    }

    @Test
    void ctrlCEndsTheLineAndSaysHowToResume() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err, true), () -> 0L, 100);
        bar.onProgress(progress(1, 4, 3));
        bar.interrupted();
        assertTrue(err.toString().contains("\nInterrupted. Run the same command again to resume"), err::toString);
        bar.onProgress(progress(4, 4, 12)); // removes its shutdown hook again
    }

    @Test
    void redrawsInPlaceAtMostEveryHundredMillisAndErasesItselfWhenDone() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(err, true), clock::get, 100);
        clock.set(10_000_000L);
        bar.onProgress(progress(1, 4, 3));
        clock.set(20_000_000L);
        bar.onProgress(progress(2, 4, 6));            // too soon: skipped
        clock.set(150_000_000L);
        bar.onProgress(progress(3, 4, 9));
        assertEquals(2, err.toString().chars().filter(c -> c == '\r').count(), err::toString);
        assertFalse(err.toString().contains("2/4"), err::toString);

        bar.onProgress(progress(4, 4, 12));
        String erased = err.toString().substring(err.toString().lastIndexOf("3/4"));
        assertTrue(erased.endsWith("\r"), "the last frame is blanked out so the summary stands alone");
        assertFalse(err.toString().contains("\n"), "the bar never scrolls the terminal");
    }
}
