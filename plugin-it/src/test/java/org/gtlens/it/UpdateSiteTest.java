package org.gtlens.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * The p2 site built by update-site, as KNIME will read it: its metadata (see {@link SiteCheck}) and what the bundle
 * in it carries (ONNX Runtime's native libraries for KNIME's platforms, no debug symbols), with its size.
 */
class UpdateSiteTest {

    /** KNIME AP 5.x platforms and the native files ONNX Runtime needs on each. */
    static final Map<String, List<String>> NATIVES = Map.of(
            "win-x64", List.of("onnxruntime.dll", "onnxruntime4j_jni.dll"),
            "linux-x64", List.of("libonnxruntime.so", "libonnxruntime4j_jni.so"),
            "osx-x64", List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib"),
            "osx-aarch64", List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib"));

    /** Upper bound for the whole site; ONNX Runtime with debug symbols alone would exceed it. */
    static final long MAX_SITE_BYTES = 60L * 1024 * 1024;

    @Test
    void metadataHasTheFeatureTheBundleAndItsKnimeRequirement() throws Exception {
        Path repo = ItFiles.site();
        List<String> problems = SiteCheck.problems(P2Site.read(repo), repo);
        assertTrue(problems.isEmpty(), "p2 site " + repo + ":\n" + String.join("\n", problems));
    }

    @Test
    void bundleShipsNativeLibrariesForKnimePlatformsWithoutDebugSymbols() throws Exception {
        Path bundle = ItFiles.pluginBundle();
        Map<String, Long> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle)) {
            list(in, "", entries);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> platform : NATIVES.entrySet()) {
            for (String file : platform.getValue()) {
                String suffix = "ai/onnxruntime/native/" + platform.getKey() + "/" + file;
                if (entries.keySet().stream().noneMatch(e -> e.endsWith(suffix))) {
                    problems.add("missing " + suffix);
                }
            }
        }
        List<String> debug = entries.keySet().stream().filter(UpdateSiteTest::isDebugSymbols).toList();
        if (!debug.isEmpty()) {
            long bytes = debug.stream().mapToLong(entries::get).sum();
            problems.add(debug.size() + " debug-symbol entries (" + mib(bytes) + " uncompressed), e.g. "
                    + debug.get(0) + ": strip *.dSYM/** and *.pdb from ONNX Runtime in the plugin build");
        }

        long siteBytes;
        try (Stream<Path> files = Files.walk(ItFiles.site())) {
            siteBytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum();
        }
        String natives = entries.entrySet().stream().filter(e -> e.getKey().contains("ai/onnxruntime/native/")
                && !e.getKey().endsWith("/") && !isDebugSymbols(e.getKey())).map(e -> e.getKey().replaceAll(".*ai/onnxruntime/native/", "")
                        + " " + mib(e.getValue())).collect(Collectors.joining(", "));
        System.out.printf(Locale.ROOT, "GT Lens p2 site: %s in total, bundle %s %s; ONNX Runtime natives "
                + "(uncompressed): %s%n", mib(siteBytes), bundle.getFileName(), mib(Files.size(bundle)), natives);
        if (siteBytes > MAX_SITE_BYTES) {
            problems.add("the site is " + mib(siteBytes) + ", more than " + mib(MAX_SITE_BYTES));
        }
        assertTrue(problems.isEmpty(), bundle + ":\n" + String.join("\n", problems));
    }

    static boolean isDebugSymbols(String entry) {
        String e = entry.toLowerCase(Locale.ROOT);
        return e.contains(".dsym/") || e.endsWith(".dsym") || e.endsWith(".pdb");
    }

    /** Entry names and uncompressed sizes, looking into nested jars ({@code lib/x.jar!/path}). */
    static void list(InputStream jar, String prefix, Map<String, Long> into) throws IOException {
        ZipInputStream zip = new ZipInputStream(jar);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String name = prefix + e.getName();
            if (!e.isDirectory() && e.getName().endsWith(".jar")) {
                byte[] nested = zip.readAllBytes();
                into.put(name, (long) nested.length);
                list(new ByteArrayInputStream(nested), name + "!/", into);
            } else {
                long size = e.isDirectory() ? 0 : zip.transferTo(OutputStream.nullOutputStream());
                into.put(name, size);
            }
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
