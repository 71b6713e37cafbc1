package org.gtlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gtlens.testing.Project;
import org.gtlens.testing.SourcePackages;
import org.junit.jupiter.api.Test;

/**
 * The shape of the main code as a build check: packages without cycles (a package that needs another must not be
 * needed by it, directly or around a loop), every package documented by a {@code package-info.java}, and no file
 * that has grown past one job.
 */
class ArchitectureTest {

    /** Longest main-code file, in lines. */
    static final int MAX_LINES = 349;

    private static final List<String> MODULES = List.of("core", "cli", "plugin");

    @Test
    void corePackagesHaveNoCycle() throws IOException {
        SourcePackages core = SourcePackages.read(Project.root().resolve("core/src/main/java"), "org.gtlens");
        List<List<String>> cycles = core.cycles();
        assertTrue(cycles.isEmpty(), () -> "package cycles in core: " + cycles + "\n" + core.describe(cycles));
    }

    @Test
    void theCycleFinderFindsACycle() {
        SourcePackages graph = SourcePackages.of(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), graph.cycles());
        assertTrue(SourcePackages.of(Map.of("a", Set.of("b"), "b", Set.of())).cycles().isEmpty());
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String module : MODULES) {
            Path src = Project.root().resolve(module).resolve("src/main/java");
            try (Stream<Path> dirs = Files.walk(src)) {
                dirs.filter(Files::isDirectory).filter(ArchitectureTest::holdsJava)
                        .filter(d -> !Files.exists(d.resolve("package-info.java")))
                        .forEach(d -> missing.add(module + ": " + src.relativize(d)));
            }
        }
        assertTrue(missing.isEmpty(), () -> "packages without package-info.java: " + missing);
    }

    @Test
    void noMainFileOutgrowsOneJob() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        for (String module : MODULES) {
            Path src = Project.root().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    long lines;
                    try (Stream<String> l = Files.lines(f)) {
                        lines = l.count();
                    }
                    if (lines > MAX_LINES) {
                        tooLong.put(module + ": " + src.relativize(f), lines);
                    }
                }
            }
        }
        assertTrue(tooLong.isEmpty(), () -> "main files over " + MAX_LINES + " lines: " + tooLong);
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> java = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).forEach(java::add);
            return !java.isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
