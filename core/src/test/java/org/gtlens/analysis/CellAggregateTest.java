package org.gtlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.gtlens.repr.MemoryBudgetException;
import org.gtlens.repr.Selection;
import org.junit.jupiter.api.Test;

/** The memory of group means: counted before it is taken, a triangle for masked kinds, a sentence when too much. */
class CellAggregateTest {

    private static ModelInfo model(int t) {
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            vocab.add(Integer.toString(i));
        }
        return new ModelInfo("long", 128, 8, 12, t, 256, vocab, Scaling.HEAD, "", false, 1);
    }

    @Test
    void masksHalveTheMomentsOfAttention() {
        Selection attention = Selection.all(EnumSet.of(Kind.ATTENTION));
        long full = new CellAggregate(model(256), attention).bytesPerGroup();
        long triangle = new CellAggregate(model(256), attention.withKeepMasked(false)).bytesPerGroup();
        assertEquals(12L * 8 * 256 * 256 * 20, full); // count (4 bytes), mean and m2 (8 bytes each) per cell
        assertEquals(12L * 8 * (256 * 257 / 2) * 20, triangle);
    }

    @Test
    void moreGroupsThanTheHeapHoldsIsOneSentenceBeforeAnythingIsTaken() {
        CellAggregate huge = new CellAggregate(model(8192), Selection.all(EnumSet.of(Kind.ATTENTION)));
        MemoryBudgetException e = assertThrows(MemoryBudgetException.class, () -> huge.add("a", null, 0));
        assertTrue(e.getMessage().startsWith("Aggregating 1 groups needs "), e.getMessage());
        assertTrue(e.getMessage().endsWith("select fewer kinds, blocks, heads or positions, use fewer groups, or give "
            + "Java more memory."), e.getMessage());
        assertTrue(huge.groups().isEmpty());
    }
}
