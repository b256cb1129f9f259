package io.memtomem.locking;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pid file content: {@code <pid>\n<port or empty>\n<started>\n}. Metadata is advisory (display, {@code lsof} hints);
 * liveness is decided by the lock alone, so nothing here can change a live/dead verdict.
 */
public final class PidPayload {

    /** Larger payloads are discarded entirely: an oversized file never yields a pid, even one it starts with. */
    public static final int MAX_BYTES = 4096;

    /** Python's {@code isoformat()} shape with fixed 6-digit micros and {@code +00:00}, never {@code Z}. */
    private static final DateTimeFormatter STARTED = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

    private PidPayload() {
    }

    /** The server payload: pid, an empty port slot, the start time. LF endings on every platform. */
    public static String format(long pid, Instant started) {
        return pid + "\n\n" + formatStarted(started) + "\n";
    }

    public static String formatStarted(Instant started) {
        return STARTED.format(started);
    }

    /**
     * Parses a payload; LF, CRLF and lone CR (and Python's other line boundaries) all separate lines.
     *
     * @return empty when there is no usable metadata at all: more than {@link #MAX_BYTES} bytes or invalid UTF-8
     */
    public static Optional<Parsed> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException invalid) {
            return Optional.empty();
        }
        List<String> lines = splitLines(text);
        Long pid = lines.isEmpty() ? null : parseLong(lines.get(0));
        Long port = lines.size() < 2 ? null : parseLong(lines.get(1));
        String started = lines.size() < 3 || lines.get(2).isEmpty() ? null : lines.get(2);
        Integer validPort = port == null || port != port.intValue() ? null : port.intValue();
        return Optional.of(new Parsed(pid, validPort, started));
    }

    /** Each field is {@code null} when its line is missing, empty or not a plain (optionally signed) ASCII integer. */
    public record Parsed(Long pid, Integer port, String started) {
    }

    private static Long parseLong(String line) {
        if (!DECIMAL.matcher(line).matches()) {
            return null;
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /** Python's {@code str.splitlines()} followed by {@code strip()} of each line. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBoundary(c)) {
                lines.add(text.substring(start, i).strip());
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start).strip());
        }
        return lines;
    }

    private static boolean isLineBoundary(char c) {
        switch (c) {
            case '\n': case '\r': case '\u000b': case '\u000c': case '\u001c': case '\u001d': case '\u001e':
            case '\u0085': case '\u2028': case '\u2029':
                return true;
            default:
                return false;
        }
    }
}
