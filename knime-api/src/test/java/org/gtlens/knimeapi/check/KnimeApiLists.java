package org.gtlens.knimeapi.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the real KNIME API lists are: one per release in {@code <shared>/knime/knime-api-signatures-<release>.txt}
 * (made by {@code <shared>/knime/tools/extract_signatures.py}), plus this module's {@code signatures-extra.txt}
 * (a resource of the test-jar, facts checked to be the same in both releases). A test that needs a list is
 * reported skipped, with the reason, when the shared folder is absent (a user's clone).
 */
public final class KnimeApiLists {

    /** The oldest release GT Lens supports (5.5 LTS): a member missing here must not be used. */
    public static final String OLDEST = "5.5.3";

    /** The newest API (knime-core master): its deprecation markers must be carried by the stand-in. */
    public static final String NEWEST = "master";

    static final String EXTRA = "signatures-extra.txt";

    private KnimeApiLists() {
    }

    /** @return the list file name of a release */
    static String fileName(final String release) {
        return "knime/knime-api-signatures-" + release + ".txt";
    }

    /**
     * @param release {@link #OLDEST} or {@link #NEWEST}
     * @return the release's list and the extra signatures
     * @throws IOException if a list cannot be read
     */
    static SignatureList read(final String release) throws IOException {
        SignatureList list = SignatureList.read(listOrSkip(release));
        list.addLines(extraLines(), EXTRA);
        return list;
    }

    /** @return the lines of signatures-extra.txt (a resource next to this class) */
    static List<String> extraLines() {
        try (InputStream in = KnimeApiLists.class.getResourceAsStream(EXTRA)) {
            if (in == null) {
                throw new IllegalStateException(EXTRA + " is missing from the class path next to "
                    + KnimeApiLists.class.getName() + " (see knime-api/pom.xml, testResources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the list of a release: {@code gtlens.shared}, else {@code ../shared} beside the repository root */
    static Path listOrSkip(final String release) {
        return listOrSkip(release, System.getProperty("gtlens.shared"), repositoryRoot());
    }

    /**
     * @param release a release
     * @param shared the shared folder (may be null)
     * @param root the repository root (may be null)
     * @return the first existing of {@code <shared>/knime/...} and {@code <root>/../shared/knime/...}; the calling
     *         test is aborted (reported skipped, with the reason) when neither exists
     */
    static Path listOrSkip(final String release, final String shared, final Path root) {
        List<Path> tried = new ArrayList<>();
        if (shared != null) {
            tried.add(Path.of(shared).resolve(fileName(release)));
        }
        if (root != null) {
            tried.add(root.resolve("../shared").resolve(fileName(release)));
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

    /** {@code gtlens.root}, else the nearest folder upwards holding the gtlens-parent pom. */
    static Path repositoryRoot() {
        String root = System.getProperty("gtlens.root");
        if (root != null && Files.isRegularFile(Path.of(root, "pom.xml"))) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<artifactId>gtlens-parent</artifactId>")) {
                    return p;
                }
            } catch (IOException e) {
                // try the next folder up
            }
        }
        return null;
    }
}
