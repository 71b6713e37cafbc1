package org.gtlens.model;

import java.util.Locale;

/**
 * The per-block tensors of the contract, named as the contract names them (TensorLens-style: one predictable
 * name per tensor, {@code block{i}.{kind}}).
 */
public enum Kind {
    ATTENTION(true),
    QUERIES(true),
    KEYS(true),
    VALUES(true),
    OUT(false),
    LOGPROBS(false);

    private final boolean perHead;
    private final String contractName;

    Kind(boolean perHead) {
        this.perHead = perHead;
        this.contractName = name().toLowerCase(Locale.ROOT);
    }

    /** True for tensors that have one matrix per head ([b,h,L,*]), false for block-level ones ([b,L,*]). */
    public boolean perHead() {
        return perHead;
    }

    /** The contract's spelling, e.g. {@code attention}. */
    public String contractName() {
        return contractName;
    }

    /** The ONNX output name of this kind in block {@code block}, e.g. {@code block1.keys}. */
    public String outputName(int block) {
        return "block" + block + "." + contractName();
    }

    /** Parses a contract spelling (case-insensitive), or returns null. */
    public static Kind fromContractName(String name) {
        for (Kind kind : values()) {
            if (kind.contractName().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        return null;
    }
}
