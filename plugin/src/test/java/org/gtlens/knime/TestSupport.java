package org.gtlens.knime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;

/** Shared test fixtures: the two models as ports, paths of the repository and of the shared facts. */
public final class TestSupport {

    private static GTransformerPortObject defaultPort;

    private static GTransformerPortObject secondPort;

    private TestSupport() {
    }

    /** @return the repository root (system property gtlens.root, else the parent of the working directory) */
    public static Path root() {
        String p = System.getProperty("gtlens.root");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
    }

    /** @return the second test model (k=8, heads=2, depth=3, t=7, num_tokens=12); skips the test when absent */
    public static Path secondModel() {
        Path p = root().resolve("models/second/second.onnx");
        assumeTrue(Files.isRegularFile(p), "second test model not found at " + p);
        return p;
    }

    /** @return the shared facts folder (system property gtlens.shared); skips the test when absent */
    public static Path shared() {
        String p = System.getProperty("gtlens.shared");
        Path dir = p != null && !p.isBlank() ? Path.of(p) : root().resolve("../shared").normalize();
        assumeTrue(Files.isDirectory(dir), "shared KNIME facts not found at " + dir + " (gtlens.shared)");
        return dir;
    }

    /** @return the built-in example model on a port, as Load GTransformer outputs it with default settings */
    public static synchronized GTransformerPortObject defaultPort() throws Exception {
        if (defaultPort == null) {
            defaultPort = load("");
        }
        return defaultPort;
    }

    /** @return the second test model on a port */
    public static synchronized GTransformerPortObject secondPort() throws Exception {
        if (secondPort == null) {
            secondPort = load(secondModel().toString());
        }
        return secondPort;
    }

    /**
     * @param location the model file setting
     * @return the output of Load GTransformer
     * @throws Exception if it fails
     */
    public static GTransformerPortObject load(final String location) throws Exception {
        NodeModel m = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        s.addString("model_file", location);
        NodeTestHarness.loadSettings(m, s);
        return (GTransformerPortObject)NodeTestHarness.run(m)[0];
    }
}
