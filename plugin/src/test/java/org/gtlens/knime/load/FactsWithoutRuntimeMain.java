package org.gtlens.knime.load;

import org.gtlens.model.ModelInfo;

/**
 * Run in its own JVM by {@code NativeLoadFailureTest} with ONNX Runtime unable to start: reads the facts configure
 * uses for the built-in model and a model file (args[0]) and prints them, which works only if no ONNX Runtime
 * session is opened for them.
 */
public final class FactsWithoutRuntimeMain {

    private FactsWithoutRuntimeMain() {
    }

    public static void main(final String[] args) {
        for (String location : new String[]{"", args[0]}) {
            try {
                ModelInfo info = ModelFiles.info(location, org.gtlens.runtime.BuiltInModel.TOY);
                System.out.println("FACTS k=" + info.k() + " depth=" + info.depth());
            } catch (Throwable t) { // NOSONAR: what the test must not see
                System.out.println("THROWN " + t);
            }
        }
    }
}
