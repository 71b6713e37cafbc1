package org.gtlens.knimeapi.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.node.NodeModel;

/**
 * Fails when any public or protected type or member of the stand-in (the main jar of this module) differs from the
 * real KNIME API: against the oldest supported release (5.5.3) every element must exist with the identical signature
 * (deprecation markers aside), so a plugin that compiles against the stand-in uses only what 5.5 LTS has; against
 * the newest list (knime-core master) the deprecation markers must be identical too, {@code forRemoval} included, so
 * the plugin's build warns where it would against the real API. Also fails when an included abstract type leaves out
 * one of its abstract methods. Reported skipped, with the reason, when the shared lists are absent.
 */
class SignatureConformanceTest {

    /** The compiled stand-in: {@code gtlens.knimeapi.classes}, else the code source of NodeModel. */
    static Path standInClasses() throws Exception {
        String prop = System.getProperty("gtlens.knimeapi.classes");
        if (prop != null) {
            return Path.of(prop);
        }
        return Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @ParameterizedTest(name = "{0}, markers {1}")
    @CsvSource({KnimeApiLists.OLDEST + ",IGNORED", KnimeApiLists.NEWEST + ",COMPARED"})
    void standInMatchesTheRealKnimeApi(final String release, final StandInChecker.Markers markers)
        throws Exception {
        SignatureList signatures = KnimeApiLists.read(release);
        Path classes = standInClasses();
        List<Class<?>> loaded = StandInChecker.loadClasses(classes, getClass().getClassLoader());
        assertTrue(loaded.size() > 50, "expected the stand-in classes under " + classes + ", found " + loaded.size());
        StandInChecker.Report report = StandInChecker.check(signatures, loaded, markers);
        System.out.println("[knime-api] " + release + " (deprecation markers " + markers.name().toLowerCase()
            + "): checked " + report.typesChecked() + " public types and " + report.membersChecked()
            + " public/protected members of " + loaded.size() + " classes against " + signatures.size()
            + " listed signatures (" + KnimeApiLists.listOrSkip(release) + " + " + KnimeApiLists.EXTRA + ")");
        for (String note : report.notes()) {
            System.out.println("[knime-api] note: " + note);
        }
        assertTrue(report.ok(), () -> release + ": " + report.format());
    }
}
