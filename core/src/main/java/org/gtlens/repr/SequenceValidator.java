package org.gtlens.repr;

import org.gtlens.model.ModelInfo;

/**
 * Checks sequences against a model before anything runs, so a bad token is reported with its sequence, position
 * and value instead of surfacing as a native error from ONNX Runtime.
 */
public final class SequenceValidator {

    private final ModelInfo info;

    public SequenceValidator(ModelInfo info) {
        this.info = info;
    }

    /** Throws when the sequence cannot be given to the model. */
    public void check(Sequence sequence) throws InputException {
        check(sequence.id(), sequence.tokens());
    }

    /** Throws when the tokens cannot be given to the model; {@code id} names them in the message. */
    public void check(String id, int[] tokens) throws InputException {
        if (tokens.length == 0) {
            throw new InputException(id, -1, "Sequence " + id + " is empty; the model needs at least one token.");
        }
        if (info.fixedLength() && tokens.length != info.t()) {
            throw new InputException(id, -1, "Sequence " + id + " has " + tokens.length
                    + " tokens; the model takes exactly " + info.t() + ".");
        }
        if (tokens.length > info.t()) {
            throw new InputException(id, info.t(), "Sequence " + id + " has " + tokens.length
                    + " tokens; the model takes at most " + info.t() + ".");
        }
        for (int i = 0; i < tokens.length; i++) {
            int token = tokens[i];
            if (token < 0 || token >= info.numTokens()) {
                throw new InputException(id, i, "Sequence " + id + " has token " + token + " at position " + i
                        + ", outside the vocabulary 0.." + (info.numTokens() - 1) + ".");
            }
        }
    }
}
