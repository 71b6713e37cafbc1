package org.gtlens.repr;

import org.gtlens.GtLensException;

/**
 * A sequence the model cannot take. It names the sequence, and where it applies the position and the value,
 * so a user finds the bad row without reading code.
 */
public final class InputException extends GtLensException {
    private static final long serialVersionUID = 1L;

    private final String sequence;
    private final int position;

    public InputException(String sequence, int position, String message) {
        super(message);
        this.sequence = sequence;
        this.position = position;
    }

    /** The id of the offending sequence (row ID, row number or index). */
    public String sequence() {
        return sequence;
    }

    /** The 0-based position of the offending token, or -1 when the whole sequence is at fault. */
    public int position() {
        return position;
    }
}
