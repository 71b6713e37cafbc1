package org.gtlens.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a model output, built and parsed in one place (as TransformerLens's {@code get_act_name}): a block's
 * tensor is {@code block{i}.{tensor}} ({@code block1.keys}, {@code block0.z}); a model-level one is its bare name
 * ({@code logprobs}, {@code embedding}), with block -1.
 *
 * @param block  the block, or -1 for a model-level output
 * @param tensor the tensor's contract name, e.g. {@code attention}
 */
public record OutputName(int block, String tensor) {

    private static final Pattern BLOCK = Pattern.compile("block(\\d{1,9})\\.([a-z_]+)");

    public OutputName {
        if (block < -1 || tensor.isEmpty()) {
            throw new IllegalArgumentException("block " + block + ", tensor '" + tensor + "'");
        }
    }

    /** A block's output. */
    public static OutputName of(int block, String tensor) {
        if (block < 0) {
            throw new IllegalArgumentException("block " + block);
        }
        return new OutputName(block, tensor);
    }

    /** The name's parts, or null when it is not of either form. */
    public static OutputName parse(String name) {
        Matcher m = BLOCK.matcher(name);
        if (m.matches()) {
            return new OutputName(Integer.parseInt(m.group(1)), m.group(2));
        }
        return name.matches("[a-z_]+") ? new OutputName(-1, name) : null;
    }

    /** True for a block's tensor, false for a model-level one. */
    public boolean inBlock() {
        return block >= 0;
    }

    @Override
    public String toString() {
        return block < 0 ? tensor : "block" + block + "." + tensor;
    }
}
