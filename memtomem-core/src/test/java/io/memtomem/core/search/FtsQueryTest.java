package io.memtomem.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FtsQueryTest {
    @Test
    void wordTokensBecomePrefixTermsJoinedByAnd() {
        assertEquals("redis* cache*", FtsQuery.parse("redis cache").and());
        assertEquals("redis* OR cache*", FtsQuery.parse("redis  cache").or());
    }

    @Test
    void tokensWithNonWordCharactersBecomeQuotedPhrasesWithDoubledQuotes() {
        assertEquals("\"c++\" \"foo-bar\" \"a:b\" \"say\"\"hi\"\"\"", FtsQuery.parse("c++ foo-bar a:b say\"hi\"").and());
        assertEquals("\"*\" \"\"\"\"", FtsQuery.parse("* \"").and());
    }

    @Test
    void unicodeLettersAreWordCharacters() {
        assertEquals("액세스* 유출*", FtsQuery.parse("액세스 유출").and());
        assertEquals("café*", FtsQuery.parse("café").and());
    }

    @Test
    void fts5OperatorKeywordsAreQuotedButKeepThePrefixStar() {
        assertEquals("\"AND\"* \"OR\"* \"NOT\"* NEAR* not*", FtsQuery.parse("AND OR NOT NEAR not").and());
    }

    @Test
    void whitespaceOnlyGivesNoTerms() {
        assertTrue(FtsQuery.parse(" \t\n ").isEmpty());
    }
}
