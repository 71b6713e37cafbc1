package org.gtlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contract is checked on signatures alone, for shapes of any size; each refusal names its problem. */
class ContractCheckerTest {

    private static Map<String, String> metadata(int k, int heads, int depth, int t, int v) {
        Map<String, String> m = new HashMap<>();
        m.put("gtlens.contract", "1");
        m.put("gtlens.k", Integer.toString(k));
        m.put("gtlens.heads", Integer.toString(heads));
        m.put("gtlens.depth", Integer.toString(depth));
        m.put("gtlens.t", Integer.toString(t));
        m.put("gtlens.num_tokens", Integer.toString(v));
        return m;
    }

    private static Map<String, TensorSpec> outputs(int k, int heads, int depth, int v) {
        Map<String, TensorSpec> o = new LinkedHashMap<>();
        long d = k / heads;
        o.put("logprobs", new TensorSpec("float", new long[] {-1, -1, v}));
        for (int i = 0; i < depth; i++) {
            o.put("block" + i + ".attention", new TensorSpec("float", new long[] {-1, heads, -1, -1}));
            o.put("block" + i + ".queries", new TensorSpec("float", new long[] {-1, heads, -1, d}));
            o.put("block" + i + ".keys", new TensorSpec("float", new long[] {-1, heads, -1, d}));
            o.put("block" + i + ".values", new TensorSpec("float", new long[] {-1, heads, -1, d}));
            o.put("block" + i + ".out", new TensorSpec("float", new long[] {-1, -1, k}));
            o.put("block" + i + ".logprobs", new TensorSpec("float", new long[] {-1, -1, v}));
        }
        return o;
    }

    private static Map<String, TensorSpec> input() {
        return Map.of("tokens", new TensorSpec("int64", new long[] {-1, -1}));
    }

    private static String refusal(ModelSignature signature) {
        return assertThrows(ModelException.class, () -> ContractChecker.check(signature, "m.onnx", 10)).getMessage();
    }

    @Test
    void acceptsLargeModelsOfAnyShape() throws Exception {
        Map<String, String> meta = metadata(768, 12, 6, 64, 50);
        meta.put("gtlens.scaling", "full");
        meta.put("gtlens.description", "a wide one");
        ModelInfo info = ContractChecker.check(new ModelSignature(input(), outputs(768, 12, 6, 50), meta), "m.onnx",
                123);
        assertEquals(64, info.headDim());
        assertEquals(6, info.depth());
        assertEquals(Scaling.FULL, info.scaling());
        assertEquals("49", info.tokenLabel(49));
        assertEquals("a wide one", info.description());
        assertEquals(123, info.sizeBytes());
    }

    @Test
    void readsVocabLabels() throws Exception {
        Map<String, String> meta = metadata(6, 3, 1, 5, 3);
        meta.put("gtlens.vocab", "[\"a\",\"b\",\"<end>\"]");
        ModelInfo info = ContractChecker.check(new ModelSignature(input(), outputs(6, 3, 1, 3), meta), "m.onnx", 1);
        assertEquals(List.of("a", "b", "<end>"), info.vocab());
        assertTrue(info.hasVocabLabels());
    }

    @Test
    void refusesMissingContractAndNamesMissingOutputs() {
        Map<String, TensorSpec> outs = new LinkedHashMap<>(Map.of("y", new TensorSpec("float", new long[] {1})));
        String msg = refusal(new ModelSignature(input(), outs, Map.of()));
        assertTrue(msg.contains("m.onnx") && msg.contains("gtlens.contract") && msg.contains("block0.attention"), msg);
    }

    @Test
    void refusesMissingBlockOutputs() {
        Map<String, TensorSpec> outs = outputs(6, 3, 2, 10);
        outs.remove("block1.keys");
        outs.remove("block1.out");
        String msg = refusal(new ModelSignature(input(), outs, metadata(6, 3, 2, 5, 10)));
        assertTrue(msg.contains("block1.keys, block1.out"), msg);
    }

    @Test
    void refusesOutputsBeyondDepth() {
        String msg = refusal(new ModelSignature(input(), outputs(6, 3, 3, 10), metadata(6, 3, 2, 5, 10)));
        assertTrue(msg.contains("block 2") && msg.contains("gtlens.depth=2"), msg);
    }

    @Test
    void refusesShapesInconsistentWithMetadata() {
        String msg = refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), metadata(6, 2, 2, 5, 10)));
        assertTrue(msg.contains("block0.attention") && msg.contains("[?, 3, ?, ?]"), msg);
        msg = refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), metadata(6, 3, 2, 5, 12)));
        assertTrue(msg.contains("'logprobs'") && msg.contains("12"), msg);
    }

    @Test
    void refusesBadMetadata() {
        Map<String, String> meta = metadata(6, 3, 2, 5, 10);
        meta.put("gtlens.k", "six");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("gtlens.k='six'"));
        meta = metadata(6, 3, 2, 5, 10);
        meta.remove("gtlens.t");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("lacks metadata gtlens.t"));
        meta = metadata(6, 3, 2, 5, 10);
        meta.put("gtlens.vocab", "[\"a\"]");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("1 labels"));
        meta = metadata(6, 3, 2, 5, 10);
        meta.put("gtlens.scaling", "half");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("'half'"));
        meta = metadata(7, 3, 2, 5, 10);
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("not divisible"));
        meta = metadata(6, 3, 2, 5, 10);
        meta.put("gtlens.contract", "3");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("version '3'"));
        meta = metadata(6, 3, 2, 5, 10);
        meta.put("gtlens.contract", "2");
        assertTrue(refusal(new ModelSignature(input(), outputs(6, 3, 2, 10), meta)).contains("no input 'head_keep'"));
    }

    @Test
    void refusesWrongInput() {
        Map<String, TensorSpec> in = Map.of("x", new TensorSpec("int64", new long[] {-1, -1}));
        assertTrue(refusal(new ModelSignature(in, outputs(6, 3, 2, 10), metadata(6, 3, 2, 5, 10)))
                .contains("no input named 'tokens'"));
        in = Map.of("tokens", new TensorSpec("float", new long[] {-1, -1}));
        assertTrue(refusal(new ModelSignature(in, outputs(6, 3, 2, 10), metadata(6, 3, 2, 5, 10)))
                .contains("expected int64"));
        in = Map.of("tokens", new TensorSpec("int64", new long[] {-1, 7}));
        assertTrue(refusal(new ModelSignature(in, outputs(6, 3, 2, 10), metadata(6, 3, 2, 5, 10)))
                .contains("length 7"));
    }
}
