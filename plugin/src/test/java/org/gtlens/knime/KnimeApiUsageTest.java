package org.gtlens.knime;

import java.nio.file.Path;

import org.gtlens.knimeapi.check.ApiUsage;
import org.gtlens.knimeapi.check.KnimeApiLists;
import org.junit.jupiter.api.Test;

/**
 * The bundle requires org.knime.core from 5.5 on: every KNIME type and member its classes name must be in the
 * signature list of 5.5.3, the oldest release it accepts, so that the build fails before a user's KNIME does.
 */
class KnimeApiUsageTest {

    @Test
    void usesOnlyTheApiOfKnime55() throws Exception {
        ApiUsage.assertUsesOnly(KnimeApiLists.OLDEST, Path.of("target/classes"));
    }
}
