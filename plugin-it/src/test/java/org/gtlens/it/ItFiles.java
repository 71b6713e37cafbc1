package org.gtlens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files under test, as Maven resolved them (see pom.xml): the zipped p2 site built by update-site (unpacked once
 * per run into target/it-work/site) and the test-only org.knime.core stand-in bundle built by knime-stub-bundle.
 */
final class ItFiles {

    static final String BUNDLE_ID = "org.gtlens.knime";
    static final String FEATURE_ID = "org.gtlens.knime.feature";

    private static Path site;

    private ItFiles() {
    }

    /** The p2 repository exactly as built (same content as update-site/target/repository). */
    static synchronized Path site() throws IOException {
        if (site == null) {
            Path zip = file("gtlens.it.siteZip", "the zipped p2 site (gtlens-update-site)");
            Path dir = work().resolve("site");
            deleteTree(dir);
            unzip(zip, dir);
            site = dir;
        }
        return site;
    }

    /** The bundle org.gtlens.knime as shipped in the site (plugins/org.gtlens.knime_VERSION.jar). */
    static Path pluginBundle() throws IOException {
        Path plugins = site().resolve("plugins");
        assertTrue(Files.isDirectory(plugins), "the site has no plugins/ folder: " + plugins);
        List<Path> jars;
        try (Stream<Path> files = Files.list(plugins)) {
            jars = files.filter(p -> p.getFileName().toString().startsWith(BUNDLE_ID + "_")
                    && p.getFileName().toString().endsWith(".jar")).collect(Collectors.toList());
        }
        assertEquals(1, jars.size(), "exactly one " + BUNDLE_ID + "_*.jar expected in " + plugins + ", found " + jars);
        return jars.get(0);
    }

    /** Test-only bundle org.knime.core made from the knime-api stand-in. */
    static Path stubBundle() {
        return file("gtlens.it.stubBundle", "the org.knime.core stand-in bundle (gtlens-knime-stub-bundle)");
    }

    /** Scratch folder of this module (target/it-work). */
    static Path work() throws IOException {
        String value = System.getProperty("gtlens.it.work");
        Path dir = value == null || value.isBlank() ? Paths.get("target", "it-work") : Paths.get(value);
        Files.createDirectories(dir);
        return dir;
    }

    private static Path file(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            fail("System property " + property + " (" + what + ") is not set; run these tests through Maven "
                    + "(mvn verify, or mvn -pl plugin-it -am verify).");
        }
        Path path = Paths.get(value);
        assertTrue(Files.isRegularFile(path), what + " not found at " + path);
        return path;
    }

    static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
