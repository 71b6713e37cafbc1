package org.gtlens.repr;

import org.gtlens.GtLensException;

/** The user stopped a run; nothing half-done is kept. */
public final class CancelledException extends GtLensException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
