package org.gtlens.knimeapi.fake;

/** A class checked against two made-up releases by SignatureCheckerTest (markers and members that differ). */
public class FakeRelease {

    /** In both releases. */
    public void both() {
    }

    /** Only in the newer release. */
    public void onlyInNewer() {
    }

    /** Deprecated for removal in the newer release; the stand-in forgot forRemoval. */
    @Deprecated
    public void doomed() {
    }

    /** Deprecated for removal in the newer release, and so in the stand-in. */
    @Deprecated(since = "5.6", forRemoval = true)
    public void doomedRight() {
    }
}
