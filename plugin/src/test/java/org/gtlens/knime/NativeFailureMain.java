package org.gtlens.knime;

import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;

/**
 * Run in its own JVM by {@link NativeLoadFailureTest} with ONNX Runtime pointed at a library that does not load:
 * configures Load GTransformer three times and prints each message on its own line (or OK).
 */
public final class NativeFailureMain {

    private NativeFailureMain() {
    }

    public static void main(final String[] args) {
        for (int i = 0; i < 3; i++) {
            NodeModel m = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
            try {
                NodeTestHarness.configure(m);
                System.out.println("OK");
            } catch (InvalidSettingsException e) {
                System.out.println("MESSAGE " + e.getMessage());
            } catch (Throwable t) { // NOSONAR: what the test must not see
                System.out.println("THROWN " + t);
            }
        }
    }
}
