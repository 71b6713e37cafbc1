package org.gtlens.cli;

import java.util.concurrent.Callable;

import org.gtlens.runtime.GTransformer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gtlens inspect}: the contract summary of a model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Check a model against the GT Lens contract and print what it is (k, heads, depth, t, "
                + "vocabulary, scaling, description, size).")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (GTransformer m = model.open()) {
            spec.commandLine().getOut().println(m.info().summary());
        }
        return 0;
    }
}
