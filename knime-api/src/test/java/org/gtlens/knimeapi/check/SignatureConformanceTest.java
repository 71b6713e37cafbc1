package org.gtlens.knimeapi.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;

/**
 * Fails when any public or protected type or member of the stand-in (the main jar of this module) is not in the real
 * KNIME API list {@code <shared>/knime/knime-api-signatures.txt} (plus {@code signatures-extra.txt}) with the
 * identical signature, or when an included abstract type leaves out one of its abstract methods. Reported skipped,
 * with the reason, when the shared list is absent (e.g. in a user's clone).
 */
class SignatureConformanceTest {

    static final String LIST = "knime/knime-api-signatures.txt";

    /** The shared KNIME API list: {@code gtlens.shared}, else {@code ../shared} beside the repository root. */
    static Path sharedListOrSkip() {
        return sharedListOrSkip(System.getProperty("gtlens.shared"), repositoryRoot());
    }

    /**
     * @param shared the shared folder (may be null)
     * @param root the repository root (may be null)
     * @return the first existing of {@code <shared>/knime/...} and {@code <root>/../shared/knime/...}; the calling
     *         test is aborted (reported skipped, with the reason) when neither exists
     */
    static Path sharedListOrSkip(final String shared, final Path root) {
        List<Path> tried = new ArrayList<>();
        if (shared != null) {
            tried.add(Path.of(shared).resolve(LIST));
        }
        if (root != null) {
            tried.add(root.resolve("../shared").resolve(LIST));
        }
        for (Path p : tried) {
            Path n = p.toAbsolutePath().normalize();
            if (Files.isRegularFile(n)) {
                return n;
            }
        }
        Assumptions.assumeTrue(false, "skipped: the KNIME API list is absent (tried " + tried + "); it exists only "
            + "in the project's own workspace and CI, not in a user's clone");
        return null;
    }

    /** {@code gtlens.root}, else the nearest folder upwards from the module holding the gtlens-parent pom. */
    static Path repositoryRoot() {
        String root = System.getProperty("gtlens.root");
        if (root != null && Files.isRegularFile(Path.of(root, "pom.xml"))
            && Files.isDirectory(Path.of(root, "knime-api"))) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>gtlens-parent</artifactId>")
                    && Files.isDirectory(p.resolve("knime-api"))) {
                    return p;
                }
            } catch (java.io.IOException e) {
                // try the next folder up
            }
        }
        return null;
    }

    /** This module's signatures-extra.txt. */
    static Path extraList() {
        String prop = System.getProperty("gtlens.knimeapi.extra");
        Path p = prop != null ? Path.of(prop) : Path.of("signatures-extra.txt");
        assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath());
        return p;
    }

    /** The compiled stand-in: {@code gtlens.knimeapi.classes}, else the code source of NodeModel. */
    static Path standInClasses() throws Exception {
        String prop = System.getProperty("gtlens.knimeapi.classes");
        if (prop != null) {
            return Path.of(prop);
        }
        return Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void standInMatchesTheRealKnimeApi() throws Exception {
        Path list = sharedListOrSkip();
        SignatureList signatures = SignatureList.read(list, extraList());
        Path classes = standInClasses();
        List<Class<?>> loaded = StandInChecker.loadClasses(classes, getClass().getClassLoader());
        assertTrue(loaded.size() > 50, "expected the stand-in classes under " + classes + ", found " + loaded.size());
        StandInChecker.Report report = StandInChecker.check(signatures, loaded);
        System.out.println("[knime-api] checked " + report.typesChecked() + " public types and "
            + report.membersChecked() + " public/protected members of " + loaded.size() + " classes against "
            + signatures.size() + " listed signatures (" + list + " + " + extraList().getFileName() + ")");
        for (String note : report.notes()) {
            System.out.println("[knime-api] note: " + note);
        }
        assertTrue(report.ok(), report::format);
    }
}
