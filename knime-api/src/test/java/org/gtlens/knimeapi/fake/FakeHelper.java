package org.gtlens.knimeapi.fake;

/** A public class that is not in the (made-up) list. */
public class FakeHelper {

    /** Package-private nested class: not checked. */
    static class Hidden {
    }
}
