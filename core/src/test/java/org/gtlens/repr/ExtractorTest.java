package org.gtlens.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching, validation, progress, cancellation and thread safety of extraction. */
class ExtractorTest {

    private static GTransformer defaultModel;
    private static GTransformer second;

    @BeforeAll
    static void open() throws Exception {
        defaultModel = GTransformer.loadDefault(1);
        second = GTransformer.load(Project.models("second/second.onnx"));
    }

    @AfterAll
    static void close() {
        defaultModel.close();
        second.close();
    }

    private static List<Sequence> random(int n, int length, int vocab, long seed) {
        Random r = new Random(seed);
        List<Sequence> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = new int[length];
            for (int p = 0; p < length; p++) {
                t[p] = r.nextInt(vocab);
            }
            list.add(new Sequence(Integer.toString(i), t));
        }
        return list;
    }

    private static String refusal(GTransformer model, int[] tokens) {
        InputException e = assertThrows(InputException.class,
                () -> new Extractor(model, EnumSet.of(Kind.ATTENTION), 4).extract(new Sequence("row7", tokens)));
        assertEquals("row7", e.sequence());
        return e.getMessage();
    }

    @Test
    void refusesBadSequencesNamingSequencePositionAndValue() {
        String msg = refusal(defaultModel, new int[] {4, 5, 12, 5, 4});
        assertEquals("Sequence row7 has token 12 at position 2, outside the vocabulary 0..9.", msg);
        assertTrue(refusal(defaultModel, new int[] {4, -1, 5, 5, 4}).contains("token -1 at position 1"));
        assertTrue(refusal(defaultModel, new int[0]).contains("row7 is empty"));
        assertTrue(refusal(defaultModel, new int[] {1, 2, 3, 4, 5, 6}).contains("6 tokens; the model takes at most 5"));
        assertTrue(refusal(second, new int[] {1, 2, 3, 4, 5, 6, 7, 8}).contains("at most 7"));
    }

    @Test
    void stopsAtTheFirstBadSequenceWithNothingAfterIt() {
        List<Sequence> input = new ArrayList<>(random(10, 5, 10, 1));
        input.set(6, new Sequence("6", new int[] {1, 2, 99, 3, 4}));
        AtomicInteger seen = new AtomicInteger();
        InputException e = assertThrows(InputException.class, () -> new Extractor(defaultModel,
                EnumSet.of(Kind.OUT), 4).run(SequenceSource.of(input), b -> seen.addAndGet(b.size()),
                        Extractor.ProgressListener.NONE, () -> false));
        assertEquals("6", e.sequence());
        assertEquals(2, e.position());
        assertTrue(seen.get() <= 4, "no batch containing or after the bad row ran");
    }

    @Test
    void batchesBoundedAndInOrderWithMixedLengths() throws Exception {
        List<Sequence> input = new ArrayList<>();
        input.addAll(random(5, 7, 12, 2));
        input.addAll(random(3, 3, 12, 3));
        input.addAll(random(4, 7, 12, 4));
        List<Integer> sizes = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        long n = new Extractor(second, EnumSet.of(Kind.ATTENTION, Kind.OUT), 2).run(SequenceSource.of(input), b -> {
            sizes.add(b.size());
            for (Sequence s : b.sequences()) {
                order.add(s.id() + ":" + s.length());
            }
            assertEquals(b.length(), b.matrix(0, Kind.ATTENTION, 2, 1).rows());
        }, progress::add, () -> false);
        assertEquals(12, n);
        assertEquals(List.of(2, 2, 1, 2, 1, 2, 2), sizes);
        assertEquals(12, order.size());
        assertEquals("0:7", order.get(0));
        assertEquals("0:3", order.get(5));
        assertEquals(List.of(2L, 4L, 5L, 7L, 8L, 10L, 12L), progress);
    }

    @Test
    void resultsDoNotDependOnTheBatch() throws Exception {
        List<Sequence> input = random(9, 5, 10, 5);
        Extractor big = new Extractor(defaultModel, EnumSet.copyOf(Kind.contract()), 64);
        Extractor small = new Extractor(defaultModel, EnumSet.copyOf(Kind.contract()), 1);
        BatchResult all = big.extract(input);
        for (int i = 0; i < input.size(); i++) {
            BatchResult one = small.extract(input.get(i));
            assertArrayEquals(all.matrix(i, Kind.KEYS, 1, 2).toArray(), one.matrix(0, Kind.KEYS, 1, 2).toArray(), 1e-5f);
            assertArrayEquals(all.prediction(i).nextTokens(), one.prediction(0).nextTokens());
        }
    }

    @Test
    void cancelsBetweenBatches() {
        List<Sequence> input = random(50, 5, 10, 6);
        AtomicInteger batches = new AtomicInteger();
        CancelledException e = assertThrows(CancelledException.class, () -> new Extractor(defaultModel,
                EnumSet.of(Kind.ATTENTION), 10).run(SequenceSource.of(input), b -> batches.incrementAndGet(),
                        Extractor.ProgressListener.NONE, () -> batches.get() >= 2));
        assertEquals(2, batches.get());
        assertTrue(e.getMessage().contains("20 sequences"), e.getMessage());
    }

    @Test
    void onlyRequestedKindsAreFetched() throws Exception {
        BatchResult b = new Extractor(defaultModel, EnumSet.of(Kind.VALUES), 4).extract(random(2, 5, 10, 8));
        assertTrue(b.has(Kind.VALUES));
        assertFalse(b.has(Kind.ATTENTION));
        assertThrows(IllegalArgumentException.class, () -> b.matrix(0, Kind.ATTENTION, 0, 0));
        assertEquals(5, b.prediction(1).length());
    }

    @Test
    void streamingRunsFromSeveralThreadsSeeTheirOwnBatches() throws Exception {
        List<Sequence> input = random(200, 5, 10, 10);
        BatchResult expected = new Extractor(defaultModel, EnumSet.copyOf(Kind.contract()), 256).extract(input);
        Extractor extractor = new Extractor(defaultModel, EnumSet.copyOf(Kind.contract()), 16);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<float[]> seen = new ArrayList<>();
                    extractor.run(SequenceSource.of(input), b -> {
                        for (int s = 0; s < b.size(); s++) {
                            seen.add(b.matrix(s, Kind.VALUES, 1, 2).toArray());
                        }
                    }, Extractor.ProgressListener.NONE, () -> false);
                    return seen;
                }));
            }
            for (Future<List<float[]>> f : futures) {
                List<float[]> seen = f.get();
                assertEquals(input.size(), seen.size());
                for (int s = 0; s < input.size(); s++) {
                    assertArrayEquals(expected.matrix(s, Kind.VALUES, 1, 2).toArray(), seen.get(s), 1e-5f,
                            "sequence " + s);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void safeFromSeveralThreadsAtOnce() throws Exception {
        List<Sequence> input = random(64, 5, 10, 9);
        Extractor extractor = new Extractor(defaultModel, EnumSet.copyOf(Kind.contract()), 8);
        BatchResult expected = extractor.extract(input);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> extractor.extract(input)));
            }
            for (Future<BatchResult> f : futures) {
                BatchResult got = f.get();
                for (int s = 0; s < input.size(); s += 7) {
                    assertArrayEquals(expected.matrix(s, Kind.ATTENTION, 1, 0).toArray(),
                            got.matrix(s, Kind.ATTENTION, 1, 0).toArray());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
