package io.memtomem.it;

import static org.junit.jupiter.api.Assertions.fail;

/** Substring assertions whose failure message shows the whole text, which is what one needs to debug a tool reply. */
final class TextAssertions {
    private TextAssertions() {
    }

    static void assertContains(String text, String... fragments) {
        for (String fragment : fragments) {
            if (!text.contains(fragment)) {
                fail("expected to contain <" + fragment + "> but was:\n" + text);
            }
        }
    }

    static void assertNotContains(String text, String fragment) {
        if (text.contains(fragment)) {
            fail("expected not to contain <" + fragment + "> but was:\n" + text);
        }
    }

    static int occurrences(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + fragment.length())) {
            count++;
        }
        return count;
    }
}
