package org.gtlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The table of per-kind facts against the contract's output table, for a model that is not the toy. */
class KindTest {

    /** former's default size, with a labelled vocabulary of its own. */
    private static ModelInfo big() {
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            vocab.add("t" + i);
        }
        return new ModelInfo("big", 128, 8, 12, 256, 256, vocab, Scaling.HEAD, "", false, 1);
    }

    @Test
    void shapesAreTheContractsForAnyBatchAndLength() {
        ModelInfo info = big();
        assertArrayEquals(new long[] {3, 8, 17, 17}, Kind.ATTENTION.shape(info, 3, 17));
        assertArrayEquals(new long[] {3, 8, 17, 16}, Kind.QUERIES.shape(info, 3, 17));
        assertArrayEquals(new long[] {3, 8, 17, 16}, Kind.KEYS.shape(info, 3, 17));
        assertArrayEquals(new long[] {3, 8, 17, 16}, Kind.VALUES.shape(info, 3, 17));
        assertArrayEquals(new long[] {3, 17, 128}, Kind.OUT.shape(info, 3, 17));
        assertArrayEquals(new long[] {3, 17, 256}, Kind.LOGPROBS.shape(info, 3, 17));
        // a batch beyond int is described exactly (sizes are planned in long)
        assertArrayEquals(new long[] {5_000_000_000L, 8, 256, 256}, Kind.ATTENTION.shape(info, 5_000_000_000L, 256));
        assertEquals(8L * 256 * 256, Kind.ATTENTION.valuesPerBlock(info, 256));
    }

    @Test
    void labelsCarryTheTokenAtPositionsAndTheVocabulary() {
        ModelInfo info = big();
        int[] tokens = {7, 200, 3};
        assertEquals("Out 1: t200", Kind.ATTENTION.rowAxis().label(info, tokens, 1));
        assertEquals("In 2: t3", Kind.ATTENTION.colAxis().label(info, tokens, 2));
        assertEquals("Pos 0: t7", Kind.KEYS.rowAxis().label(info, tokens, 0));
        assertEquals("d15", Kind.VALUES.colAxis().label(info, tokens, 15));
        assertEquals("e127", Kind.OUT.colAxis().label(info, tokens, 127));
        assertEquals("t255", Kind.LOGPROBS.colAxis().label(info, tokens, 255));
        // labels that hold for any sequence (aggregated tables) leave the token out
        assertEquals("Out 1", Kind.ATTENTION.rowAxis().label(info, null, 1));
        assertEquals(16, Kind.QUERIES.colAxis().labels(info, tokens, 3).length);
        assertEquals(3, Kind.ATTENTION.colAxis().labels(info, tokens, 3).length);
    }

    @Test
    void onlyAttentionAndRolloutAreCausalAndPerHeadKindsHaveOneMatrixPerHead() {
        ModelInfo info = big();
        for (Kind k : Kind.values()) {
            assertEquals(k == Kind.ATTENTION || k == Kind.ROLLOUT, k.causal(), k.name());
            assertEquals(k == Kind.ROLLOUT, k.derived(), k.name());
            assertEquals(k.perHead() ? 8 : 1, k.matrices(info), k.name());
            assertTrue(k.rowAxis().isPosition(), k.name());
        }
        assertEquals("block11.logprobs", Kind.LOGPROBS.outputName(11));
        assertEquals("Vocab-Token v", Kind.LOGPROBS.colAxis().title());
        assertFalse(Kind.OUT.colAxis().isPosition());
    }

    @Test
    void kindListsParseAndNameTheValidChoices() {
        assertEquals(EnumSet.of(Kind.ATTENTION, Kind.KEYS), Kind.parseList(" keys, Attention ,"));
        String message = assertThrows(IllegalArgumentException.class, () -> Kind.parseList("attention,weights"))
                .getMessage();
        assertTrue(message.contains("'weights' is not a kind") && message.contains("queries"), message);
        assertThrows(IllegalArgumentException.class, () -> Kind.parseList(" , "));
    }
}
