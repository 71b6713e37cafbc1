package org.gtlens.cli;

import java.nio.file.Path;

import org.gtlens.Keyed;
import org.gtlens.runtime.BuiltInModel;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.ModelException;

import picocli.CommandLine.Option;

/** The options every command shares to pick and open a model. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE|toy|induction",
            description = "ONNX model following the GT Lens contract, or a built-in model: toy (the default) or "
                    + "induction (a model with induction heads); ./NAME for a file named like a built-in model.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", converter = OptionValues.Threads.class,
            description = "Threads ONNX Runtime uses inside one batch, 1 to four per processor (default: "
                    + "${DEFAULT-VALUE}).")
    int threads;

    GTransformer open() throws ModelException {
        if (threads < 1) {
            throw new ModelException("--threads must be at least 1, got " + threads + ".");
        }
        BuiltInModel builtIn = builtIn();
        return builtIn != null ? builtIn.load(threads) : GTransformer.load(model, threads);
    }

    /** The built-in model chosen (the toy without --model), or null for a file. */
    BuiltInModel builtIn() {
        return model == null ? BuiltInModel.TOY : Keyed.find(BuiltInModel.class, model.toString());
    }

    /** The model file given, or null for a built-in model. */
    Path file() {
        return builtIn() == null ? model : null;
    }
}
