package org.gtlens.cli;

import java.nio.file.Path;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.ModelException;

import picocli.CommandLine.Option;

/** The options every command shares to pick and open a model. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE",
            description = "ONNX model following the GT Lens contract (default: the built-in example model).")
    Path model;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", converter = OptionValues.Threads.class,
            description = "Threads ONNX Runtime uses inside one batch, 1 to four per processor (default: "
                    + "${DEFAULT-VALUE}).")
    int threads;

    GTransformer open() throws ModelException {
        if (threads < 1) {
            throw new ModelException("--threads must be at least 1, got " + threads + ".");
        }
        return model == null ? GTransformer.loadDefault(threads) : GTransformer.load(model, threads);
    }
}
