package org.gtlens.it;

/** Exists only on the test classpath (with the resource below): the bundle must not see either. */
final class TestOnlyMarker {

    static final String RESOURCE = "org/gtlens/it/test-only-marker.txt";

    private TestOnlyMarker() {
    }
}
