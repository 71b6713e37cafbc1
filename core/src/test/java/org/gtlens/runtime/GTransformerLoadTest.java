package org.gtlens.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;

/** Opening models through ONNX Runtime: the default one works, every kind of bad file is refused in one sentence. */
class GTransformerLoadTest {

    @TempDir
    Path dir;

    private String refusal(Path file) {
        ModelException e = assertThrows(ModelException.class, () -> GTransformer.load(file));
        assertTrue(e.getMessage().length() < 400 && !e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void loadsTheBuiltInModel() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            ModelInfo info = model.info();
            assertEquals(GTransformer.DEFAULT_MODEL_NAME, info.source());
            assertEquals(6, info.k());
            assertEquals(3, info.heads());
            assertEquals(2, info.depth());
            assertEquals(5, info.t());
            assertEquals(10, info.numTokens());
            assertTrue(info.summary().contains("heads:       3"), info.summary());
            assertEquals(Files.size(Project.models("gtransformer.onnx")), info.sizeBytes());
        }
    }

    @Test
    void loadsTheSecondModelFromAFile() throws Exception {
        try (GTransformer model = GTransformer.load(Project.models("second/second.onnx"), 2)) {
            ModelInfo info = model.info();
            assertEquals(8, info.k());
            assertEquals(2, info.heads());
            assertEquals(3, info.depth());
            assertEquals(7, info.t());
            assertEquals(12, info.numTokens());
            assertEquals(Scaling.FULL, info.scaling());
            assertTrue(info.hasVocabLabels());
        }
    }

    @Test
    void refusesMissingFile() {
        String msg = refusal(dir.resolve("nope.onnx"));
        assertTrue(msg.contains("nope.onnx") && msg.contains("does not exist"), msg);
    }

    @Test
    void refusesFolder() {
        assertTrue(refusal(dir).contains("is a folder"));
    }

    @Test
    void refusesEmptyFile() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.onnx"));
        assertTrue(refusal(f).contains("empty.onnx is empty"));
    }

    @Test
    void refusesFilesThatAreNotOnnx() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a model, just words\n");
        String msg = refusal(text);
        assertTrue(msg.contains("notes.onnx") && msg.contains("not an ONNX model"), msg);
        byte[] half = Files.readAllBytes(Project.models("gtransformer.onnx"));
        Path truncated = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(half, half.length / 2));
        msg = refusal(truncated);
        assertTrue(msg.contains("cut.onnx") && (msg.contains("not an ONNX model") || msg.contains("cannot be opened")),
                msg);
    }

    @Test
    void refusesOnnxWithoutTheContractNamingMissingOutputs() throws Exception {
        Path f = Files.write(dir.resolve("identity.onnx"), OnnxBytes.identityModel());
        String msg = refusal(f);
        assertTrue(msg.contains("identity.onnx") && msg.contains("gtlens.contract") && msg.contains("logprobs")
                && msg.contains("block0.attention"), msg);
    }

    @Test
    void refusesMetadataThatContradictsTheOutputs() throws Exception {
        byte[] model = Files.readAllBytes(Project.models("gtransformer.onnx"));
        Map<String, String> meta = new HashMap<>(Map.of("gtlens.contract", "1", "gtlens.k", "6", "gtlens.heads", "3",
                "gtlens.depth", "3", "gtlens.t", "5", "gtlens.num_tokens", "10"));
        String msg = refusal(Files.write(dir.resolve("deeper.onnx"), OnnxBytes.withMetadata(model, meta)));
        assertTrue(msg.contains("deeper.onnx") && msg.contains("block2.attention"), msg);
        meta.put("gtlens.depth", "2");
        meta.put("gtlens.heads", "2");
        msg = refusal(Files.write(dir.resolve("heads.onnx"), OnnxBytes.withMetadata(model, meta)));
        assertTrue(msg.contains("heads.onnx") && msg.contains("block0.attention"), msg);
        meta.put("gtlens.heads", "3");
        meta.put("gtlens.vocab", "[\"a\",\"b\"]");
        msg = refusal(Files.write(dir.resolve("vocab.onnx"), OnnxBytes.withMetadata(model, meta)));
        assertTrue(msg.contains("vocab.onnx") && msg.contains("2 labels"), msg);
    }

    @Test
    void refusesExternalDataOutsideTheModelFolder() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("model"));
        Files.writeString(dir.resolve("secret.bin"), "x", StandardCharsets.UTF_8);
        Path f = Files.write(sub.resolve("ext.onnx"), OnnxBytes.externalDataModel("../secret.bin"));
        String msg = refusal(f);
        assertTrue(msg.contains("ext.onnx") && msg.contains("../secret.bin") && msg.contains("outside"), msg);
        Path g = Files.write(sub.resolve("abs.onnx"), OnnxBytes.externalDataModel("/etc/passwd"));
        assertTrue(refusal(g).contains("outside"));
        byte[] bytes = OnnxBytes.externalDataModel("weights.bin");
        ModelException e = assertThrows(ModelException.class, () -> GTransformer.load(bytes, "mem.onnx", 1));
        assertTrue(e.getMessage().contains("external data"), e.getMessage());
    }

    @Test
    void loadsFromBytesLikeAKnimePort() throws Exception {
        byte[] bytes = Files.readAllBytes(Project.models("second/second.onnx"));
        try (GTransformer model = GTransformer.load(bytes, "second.onnx", 1)) {
            assertEquals("second.onnx", model.info().source());
            assertEquals(bytes.length, model.info().sizeBytes());
        }
    }
}
