package io.memtomem.core.chunk;

/**
 * What the chunker reads of a file's line structure beyond the reference: a leading byte-order mark would hide the
 * first heading, and a file with only CR line breaks (classic Mac) would be one single line, so both files would be
 * chunked as one headless block. CRLF needs nothing: lines split at LF, and the CR is whitespace to the chunker.
 */
public final class LineBreaks {
    public static final char BOM = '\ufeff';

    private LineBreaks() {
    }

    /** Whether the text breaks lines with CR alone: it has a CR and no LF at all. */
    public static boolean crOnly(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') >= 0;
    }

    /**
     * The text the chunkers see: without a leading BOM, and with CR-only breaks turned into LF. Line numbers stay those
     * of the file (one break per line either way), so the writer finds chunks on the lines the index records.
     */
    static String forChunking(String text) {
        String withoutBom = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        return crOnly(withoutBom) ? withoutBom.replace('\r', '\n') : withoutBom;
    }
}
