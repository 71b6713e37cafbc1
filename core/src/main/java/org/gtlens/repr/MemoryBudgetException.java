package org.gtlens.repr;

import org.gtlens.GtLensException;

/** One sequence's selected outputs alone do not fit the memory budget of a batch. */
public final class MemoryBudgetException extends GtLensException {
    private static final long serialVersionUID = 1L;

    public MemoryBudgetException(String message) {
        super(message);
    }
}
