package org.gtlens.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;

import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.gtlens.model.ModelException;

/** GTransformer.inspect reads from the bytes what an opened model reports, without ONNX Runtime. */
class InspectTest {

    @Test
    void inspectGivesWhatOnnxRuntimeGivesForEveryCommittedModel() throws Exception {
        byte[] builtIn = GTransformer.defaultModelBytes();
        try (GTransformer model = GTransformer.loadDefault(1)) {
            assertEquals(model.info(), GTransformer.inspect(builtIn, GTransformer.DEFAULT_MODEL_NAME));
        }
        for (String path : new String[]{"second/second.onnx", "mid/mid.onnx"}) {
            byte[] bytes = Files.readAllBytes(Project.models(path));
            try (GTransformer model = GTransformer.load(bytes, path, 1)) {
                assertEquals(model.info(), GTransformer.inspect(bytes, path), path);
            }
        }
    }

    @Test
    void inspectRefusesWhatIsNoContractModel() {
        ModelException e = assertThrows(ModelException.class,
            () -> GTransformer.inspect(new byte[]{1, 2, 3}, "junk.onnx"));
        assertEquals(true, e.getMessage().startsWith("Model file junk.onnx is not an ONNX model"), e.getMessage());
    }
}
