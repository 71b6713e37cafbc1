package org.gtlens.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;

/** Batches are sized by the bytes of the selected outputs, and a budget below one sequence is one clear sentence. */
class BatchPlanTest {

    /** The medium model's outputs for one sequence of length 64, counted by hand from the contract's table. */
    private static final long MID_VALUES_ALL_KINDS = 64 * 64 // final logprobs [L, V]
        + 6L * (4 * 64 * 64 // attention [h, L, L]
            + 3 * 4 * 64 * 16 // queries, keys, values [h, L, d]
            + 64 * 64 // out [L, k]
            + 64 * 64); // logprobs [L, V]

    /** float32: the selected outputs (all) held natively and in Java, plus ONNX Runtime's working memory (3x all). */
    private static final long MID_BYTES = MID_VALUES_ALL_KINDS * 4 * (2 + 3);

    private static List<Sequence> fullLength(int n) {
        List<Sequence> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] tokens = new int[64];
            for (int p = 0; p < 64; p++) {
                tokens[p] = (i * 7 + p * 3) % 64;
            }
            s.add(new Sequence(Integer.toString(i), tokens));
        }
        return s;
    }

    @Test
    void theBatchUsedFollowsTheBudget() throws Exception {
        try (GTransformer mid = GTransformer.load(Project.models("mid/mid.onnx"))) {
            Selection all = Selection.all(EnumSet.copyOf(Kind.contract()));
            Extractor three = new Extractor(mid, all, new BatchPlan(256, 3 * MID_BYTES + 5, "--memory"));
            assertEquals(3, three.batchSize(64));
            List<Integer> sizes = new ArrayList<>();
            three.run(SequenceSource.of(fullLength(8)), b -> sizes.add(b.size()), Extractor.ProgressListener.NONE,
                () -> false);
            assertEquals(List.of(3, 3, 2), sizes);
            assertEquals(3, three.largestBatchUsed());
            // shorter sequences are smaller: more of them fit
            assertTrue(three.batchSize(16) > 3);
            // only the selected blocks are fetched, so selecting one block makes room for more sequences
            Extractor oneBlock = new Extractor(mid, all.withBlocks(IndexList.parse("last")),
                new BatchPlan(256, 3 * MID_BYTES, "--memory"));
            long oneBlockValues = 64 * 64 + (4 * 64 * 64 + 3 * 4 * 64 * 16 + 64 * 64 + 64 * 64);
            long oneBlockBytes = (2 * oneBlockValues + 3 * MID_VALUES_ALL_KINDS) * 4;
            assertEquals(3 * MID_BYTES / oneBlockBytes, oneBlock.batchSize(64));
            assertEquals(4, oneBlock.batchSize(64));
            // exactly one sequence's worth still runs, one at a time
            Extractor one = new Extractor(mid, all, new BatchPlan(256, MID_BYTES, "--memory"));
            assertEquals(3, one.run(SequenceSource.of(fullLength(3)), b -> assertEquals(1, b.size()),
                Extractor.ProgressListener.NONE, () -> false));
        }
    }

    @Test
    void aBudgetBelowOneSequenceNamesBothSizesAndWhatToDo() throws Exception {
        try (GTransformer mid = GTransformer.load(Project.models("mid/mid.onnx"))) {
            Extractor tight = new Extractor(mid, Selection.all(EnumSet.copyOf(Kind.contract())),
                new BatchPlan(256, MID_BYTES - 1, "--memory"));
            MemoryBudgetException e = assertThrows(MemoryBudgetException.class,
                () -> tight.run(SequenceSource.of(fullLength(2)), b -> { }, Extractor.ProgressListener.NONE,
                    () -> false));
            assertEquals("One sequence of length 64 needs 4.3 MB (its selected outputs, held by ONNX Runtime and in "
                + "Java, and ONNX Runtime's working memory), more than the memory budget of 4.3 MB per batch; raise "
                + "--memory, select fewer kinds or blocks, or use shorter sequences.", e.getMessage());
        }
    }

    @Test
    void sizesOfModelsOfFormersDefaultSizeAreComputedWithoutOverflow() throws Exception {
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            vocab.add(Integer.toString(i));
        }
        ModelInfo big = new ModelInfo("big", 128, 8, 12, 256, 256, vocab, Scaling.HEAD, "", false, 1);
        List<String> outputs = Selection.all(EnumSet.copyOf(Kind.contract())).outputs(big);
        long perSequence = BatchPlan.bytesPerSequence(big, outputs, 256);
        // 12 blocks x (8x256x256 + 3x8x256x16 + 256x128 + 256x256) + 256x256 floats, fetched (twice) and worked on (three times)
        assertEquals((12L * (8 * 256 * 256 + 3 * 8 * 256 * 16 + 256 * 128 + 256 * 256) + 256 * 256) * 4 * (2 + 3),
            perSequence);
        // a generous budget is capped by what one buffer holds: batch x 8 x 256 x 256 values stay below 2^31 bytes
        int batch = new BatchPlan(1 << 20, 1L << 40, "--memory").batchFor(big, outputs, 256);
        assertTrue((long)batch * 8 * 256 * 256 * 4 < Integer.MAX_VALUE, "batch " + batch);
        assertEquals(3, BatchPlan.of(256).batchFor(big, outputs, 256)); // 512 MB / 166.3 MB
    }
}
