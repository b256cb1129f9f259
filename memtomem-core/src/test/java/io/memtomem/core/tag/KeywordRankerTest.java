package io.memtomem.core.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordRankerTest {

    /** A store of {@code total} chunks where each listed term is in that many of them (unlisted: none). */
    private static DocumentFrequencies store(long total, Map<String, Long> frequencies) {
        return new DocumentFrequencies() {
            @Override
            public long of(String term) {
                return frequencies.getOrDefault(term, 0L);
            }

            @Override
            public long total() {
                return total;
            }
        };
    }

    @Test
    void rareWordsOutrankWordsMostChunksShare() {
        List<ChunkWord> words = ChunkWords.of("kafka consumer lag grows while the broker rebalances kafka");
        DocumentFrequencies frequencies = store(100, Map.of("kafka", 2L, "consumer", 40L, "lag", 3L,
                "grows", 30L, "broker", 10L, "rebalances", 1L));
        assertEquals(List.of("kafka", "rebalances", "lag"), KeywordRanker.keywords(words, frequencies, 3));
    }

    @Test
    void termFrequencyBreaksEvenDocumentFrequencies() {
        List<ChunkWord> words = ChunkWords.of("alpha beta beta gamma gamma gamma");
        DocumentFrequencies frequencies = store(50, Map.of("alpha", 5L, "beta", 5L, "gamma", 5L));
        assertEquals(List.of("gamma", "beta", "alpha"), KeywordRanker.keywords(words, frequencies, 10));
    }

    @Test
    void equalScoresKeepTheOrderOfFirstAppearance() {
        List<ChunkWord> words = ChunkWords.of("zebra yak xenops");
        assertEquals(List.of("zebra", "yak"), KeywordRanker.keywords(words, store(20, Map.of()), 2));
    }

    @Test
    void stopWordsShortWordsAndNumbersAreNeverKeywords() {
        List<ChunkWord> words = ChunkWords.of("The API is on at 2024 with v2 and a1b2c3 https://www.example.com");
        assertEquals(List.of("api", "example"), KeywordRanker.keywords(words, store(20, Map.of()), 10));
    }

    @Test
    void wordsInMoreThanHalfTheChunksAreTooCommonOnceTheStoreHasTenChunks() {
        List<ChunkWord> words = ChunkWords.of("deploy pipeline");
        Map<String, Long> frequencies = Map.of("deploy", 6L, "pipeline", 1L);
        assertEquals(List.of("pipeline"), KeywordRanker.keywords(words, store(10, frequencies), 5));
        assertEquals(List.of("pipeline", "deploy"), KeywordRanker.keywords(words, store(9, frequencies), 5));
    }

    @Test
    void atMostMaxTagsAreKept() {
        List<ChunkWord> words = ChunkWords.of("one-off alpha bravo charlie delta echo foxtrot");
        assertEquals(1, KeywordRanker.keywords(words, store(30, Map.of()), 1).size());
        assertEquals(6, KeywordRanker.keywords(words, store(30, Map.of()), 10).size());
    }

    @Test
    void koreanAndCjkWordsOfTwoCharactersAreCandidates() {
        assertTrue(KeywordRanker.isCandidate("서울"));
        assertTrue(KeywordRanker.isCandidate("東京"));
        assertFalse(KeywordRanker.isCandidate("그리고"));
        assertFalse(KeywordRanker.isCandidate("ab"));
    }

    @Test
    void wordsAreLowerCasedAndLookedUpWithoutDiacritics() {
        List<ChunkWord> words = ChunkWords.of("Café CAFÉ cafe Déjà-vu");
        assertEquals(List.of(new ChunkWord("café", "cafe", 3, 0), new ChunkWord("déjà", "deja", 1, 3),
                new ChunkWord("vu", "vu", 1, 4)), words);
    }

    @Test
    void koreanTextSplitsIntoWholeWords() {
        assertEquals(List.of("서울에서", "회의를", "했다"),
                ChunkWords.of("서울에서 회의를 했다.").stream().map(ChunkWord::tag).toList());
    }
}
