package org.gtlens.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Where tests find the repository's own files and the shared facts beside it. */
public final class Project {

    private Project() {
    }

    /** The repository root: system property {@code gtlens.root}, else the parent of the module folder. */
    public static Path root() {
        String root = System.getProperty("gtlens.root");
        Path path = root != null ? Path.of(root) : Path.of("..");
        return path.toAbsolutePath().normalize();
    }

    /** A file under models/. */
    public static Path models(String relative) {
        return root().resolve("models").resolve(relative);
    }

    /**
     * The shared folder (system property {@code gtlens.shared}, default {@code ../shared} beside the repository);
     * the calling test is reported skipped, with the reason, when it is absent.
     */
    public static Path sharedOrSkip(String relative) {
        String shared = System.getProperty("gtlens.shared");
        Path base = shared != null ? Path.of(shared) : root().resolve("../shared");
        Path file = base.resolve(relative).normalize();
        Assumptions.assumeTrue(Files.exists(file), "skipped: " + file + " is absent (the shared folder exists only "
                + "in the project's own workspace and CI, not in a user's clone)");
        return file;
    }
}
