package io.memtomem.core.write;

import io.memtomem.core.chunk.LineBreaks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A memory file's text as the writer edits it: LF line breaks and no byte-order mark, with what a rewrite must give
 * back split off. A file that breaks every line with CRLF, or only with CR, is edited in LF and written back in its own
 * style, and a leading BOM stays; a file that mixes styles is edited as it is (each untouched line keeps its bytes).
 *
 * @param bom       the leading byte-order mark, or empty
 * @param lineBreak the file's line break: {@code "\n"}, {@code "\r\n"} or {@code "\r"}
 * @param body      the text with LF breaks and without the BOM
 */
record FileText(String bom, String lineBreak, String body) {
    /** How far {@link #lineBreakOf(Path)} looks: the first line break tells a file's style. */
    private static final int HEAD_BYTES = 4096;

    static FileText of(String raw) {
        String bom = !raw.isEmpty() && raw.charAt(0) == LineBreaks.BOM ? String.valueOf(LineBreaks.BOM) : "";
        String text = raw.substring(bom.length());
        if (LineBreaks.crOnly(text)) {
            return new FileText(bom, "\r", text.replace('\r', '\n'));
        }
        if (allCrlf(text)) {
            return new FileText(bom, "\r\n", text.replace("\r\n", "\n"));
        }
        return new FileText(bom, "\n", text);
    }

    /** The line break of an existing file, judged by its first break; LF for a new or break-less file. */
    static String lineBreakOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            return "\n";
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int lf = text.indexOf('\n');
        if (lf < 0) {
            return text.indexOf('\r') >= 0 ? "\r" : "\n";
        }
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /**
     * Text in the given line-break style. For CRLF and CR every break of the text (the file's lines and whatever
     * breaks the caller's content used) becomes that one; an LF file keeps the text as it is.
     */
    static String inStyle(String text, String lineBreak) {
        return lineBreak.equals("\n") ? text
                : text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", lineBreak);
    }

    /** New text for this file, given with LF breaks, written back in the file's style and with its BOM. */
    String encode(String text) {
        return bom + inStyle(text, lineBreak);
    }

    private static boolean allCrlf(String text) {
        int lf = text.indexOf('\n');
        if (lf < 0) {
            return false;
        }
        for (; lf >= 0; lf = text.indexOf('\n', lf + 1)) {
            if (lf == 0 || text.charAt(lf - 1) != '\r') {
                return false;
            }
        }
        return true;
    }
}
