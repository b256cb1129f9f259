package io.memtomem.core.bench;

import io.memtomem.core.search.SearchHit;

import java.nio.file.Path;
import java.util.List;

/**
 * Quality-gate metrics at file level (memory-core §9.4 step 3): every chunk of the target file is relevant, so the
 * numbers do not depend on chunk boundaries. Binary gains; recall over all chunks of the target file.
 */
final class FileRelevance {

    record Score(double recall, double reciprocalRank, double ndcg) {
    }

    private FileRelevance() {
    }

    static Score score(List<SearchHit> hits, Path target, int relevantChunks, int k) {
        int found = 0;
        double reciprocalRank = 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(k, hits.size()); i++) {
            if (hits.get(i).source().equals(target)) {
                found++;
                dcg += 1 / log2(i + 2);
                if (reciprocalRank == 0) {
                    reciprocalRank = 1.0 / (i + 1);
                }
            }
        }
        double idealDcg = 0;
        for (int i = 0; i < Math.min(k, relevantChunks); i++) {
            idealDcg += 1 / log2(i + 2);
        }
        return new Score((double) found / relevantChunks, reciprocalRank, dcg / idealDcg);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Means over cases. */
    static final class Aggregate {
        private double recall;
        private double mrr;
        private double ndcg;
        private int cases;

        void add(Score score) {
            recall += score.recall();
            mrr += score.reciprocalRank();
            ndcg += score.ndcg();
            cases++;
        }

        double recall() {
            return recall / cases;
        }

        double mrr() {
            return mrr / cases;
        }

        double ndcg() {
            return ndcg / cases;
        }
    }
}
