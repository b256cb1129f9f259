package io.memtomem.core.chunk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites {@code [[target|alias]]} to {@code alias} and {@code [[target]]} to {@code target} before chunking. */
final class Wikilinks {

    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|\\n]+)(?:\\|([^\\[\\]\\n]+))?]]");

    private Wikilinks() {
    }

    static String rewrite(String text) {
        if (!text.contains("[[")) {
            return text;
        }
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String shown = m.group(2) != null ? m.group(2) : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
