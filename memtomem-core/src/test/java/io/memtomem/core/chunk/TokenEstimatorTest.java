package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    @Test
    void latinTextCountsFourCharactersPerToken() {
        assertEquals(25, TokenEstimator.estimate("x".repeat(100)));
    }

    @Test
    void textMoreThanThirtyPercentHangulCountsTwoCharactersPerToken() {
        assertEquals(50, TokenEstimator.estimate("한".repeat(31) + "x".repeat(69)));
    }

    @Test
    void textAtExactlyThirtyPercentHangulStaysAtFourCharactersPerToken() {
        assertEquals(25, TokenEstimator.estimate("한".repeat(30) + "x".repeat(70)));
    }

    @Test
    void emptyTextIsZeroTokens() {
        assertEquals(0, TokenEstimator.estimate(""));
    }
}
