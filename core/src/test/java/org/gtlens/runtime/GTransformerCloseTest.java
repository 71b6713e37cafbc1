package org.gtlens.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gtlens.model.Kind;
import org.junit.jupiter.api.Test;

/** Closing a model: it stays closed, a run after it is refused in one sentence, and closing again is harmless. */
class GTransformerCloseTest {

    private static final String CLOSED = "Model " + GTransformer.DEFAULT_MODEL_NAME
            + " is closed; open it again to run it.";
    private static final List<String> OUTPUTS = List.of(Kind.FINAL_LOGPROBS);

    private static long[] tokens(GTransformer model) {
        return new long[model.info().t()];
    }

    @Test
    void runsUntilClosed() throws Exception {
        GTransformer model = GTransformer.loadDefault(1);
        assertFalse(model.isClosed());
        Map<String, FloatTensor> out = model.run(tokens(model), 1, model.info().t(), OUTPUTS);
        assertTrue(out.containsKey(Kind.FINAL_LOGPROBS), out.keySet().toString());
        model.close();
        assertTrue(model.isClosed());
    }

    @Test
    void refusesEveryKindOfRunAfterClose() throws Exception {
        GTransformer model = GTransformer.loadDefault(1);
        model.close();
        int t = model.info().t();
        assertEquals(CLOSED, assertThrows(IllegalStateException.class,
                () -> model.run(tokens(model), 1, t, OUTPUTS)).getMessage());
        assertEquals(CLOSED, assertThrows(IllegalStateException.class,
                () -> model.runReusing(tokens(model), 1, t, OUTPUTS, tensors -> { })).getMessage());
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        GTransformer model = GTransformer.loadDefault(1);
        model.run(tokens(model), 1, model.info().t(), OUTPUTS);
        model.close();
        assertDoesNotThrow(model::close);
        assertTrue(model.isClosed());
        assertEquals(GTransformer.DEFAULT_MODEL_NAME, model.info().source());
    }
}
