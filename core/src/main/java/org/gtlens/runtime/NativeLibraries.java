package org.gtlens.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * ONNX Runtime's native libraries unpacked once into a stable, versioned folder, instead of into a new
 * {@code onnxruntime-java<digits>} folder of java.io.tmpdir at every start (which 1.20.0 leaves behind, empty, on every
 * run, and with the 16 MB libraries after a kill; on Windows it never deletes them, microsoft/onnxruntime#8003).
 *
 * <p>What ONNX Runtime 1.20.0's loader ({@code ai.onnxruntime.OnnxRuntime.init}) expects: with the system property
 * {@value #PROPERTY} set to a folder, it loads {@code System.mapLibraryName("onnxruntime")} and then
 * {@code System.mapLibraryName("onnxruntime4j_jni")} (jnilib read as dylib) from that folder, and fails when one is
 * missing; it still creates an {@code onnxruntime-java<digits>} folder in java.io.tmpdir, but extracts nothing into
 * it (the jar has no {@code onnxruntime_providers_shared} library) and marks it, empty, for deletion when the JVM
 * exits (an empty folder, which Windows deletes too; a killed process leaves it, empty).
 * The libraries are the jar's resources {@code /ai/onnxruntime/native/<os>-<arch>/}.
 */
final class NativeLibraries {

    /** ONNX Runtime's property: the folder its libraries are loaded from. */
    static final String PROPERTY = "onnxruntime.native.path";

    /** The libraries, in the order ONNX Runtime loads them. */
    static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private NativeLibraries() {
    }

    /** ONNX Runtime's platform folder name, as its loader computes it: linux-x64, osx-aarch64, win-x64, ... */
    static String platform() {
        String os = System.getProperty("os.name", "generic").toLowerCase(Locale.ENGLISH);
        String detectedOs = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win"
                : os.contains("nux") ? "linux" : null;
        String arch = System.getProperty("os.arch", "generic").toLowerCase(Locale.ENGLISH);
        String detectedArch = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("x86") ? "x86" : arch.startsWith("aarch64") ? "aarch64"
                : arch.startsWith("ppc64") ? "ppc64" : null;
        return detectedOs == null || detectedArch == null ? null : detectedOs + "-" + detectedArch;
    }

    /** A library's file name on this system, as ONNX Runtime maps it. */
    static String fileName(String library) {
        return System.mapLibraryName(library).replace("jnilib", "dylib");
    }

    private static URL resource(String platform, String library) {
        return ai.onnxruntime.OrtEnvironment.class.getResource("/ai/onnxruntime/native/" + platform + "/"
                + fileName(library));
    }

    /**
     * Unpacks the libraries into a folder of {@code cache} named by ONNX Runtime's version, the platform and a
     * fingerprint of the libraries ({@code onnxruntime-1.20.0-linux-x64-1a2b3c4d}), unless they are there already,
     * and returns that folder; null when this platform's libraries are not in the jar (ONNX Runtime then finds its
     * own way, or says why not).
     *
     * @throws IOException when the folder or a library cannot be written
     */
    static Path unpack(Path cache) throws IOException {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        CRC32 fingerprint = new CRC32();
        for (String library : LIBRARIES) {
            URL url = resource(platform, library);
            if (url == null) {
                return null;
            }
            fingerprint.update(Long.toString(url.openConnection().getContentLengthLong()).getBytes());
            fingerprint.update(fileName(library).getBytes());
        }
        // the JNI library is small (80 KB): its bytes make the fingerprint, whatever the version says
        try (InputStream in = resource(platform, "onnxruntime4j_jni").openStream()) {
            fingerprint.update(in.readAllBytes());
        }
        String version = version();
        Path dir = cache.resolve("onnxruntime-" + (version == null ? "" : version + "-") + platform + "-"
                + String.format("%08x", fingerprint.getValue()));
        Files.createDirectories(dir);
        for (String library : LIBRARIES) {
            URL url = resource(platform, library);
            long size = url.openConnection().getContentLengthLong();
            Path target = dir.resolve(fileName(library));
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                continue; // unpacked by an earlier run
            }
            // written under a name of its own and moved into place whole: a concurrent run or a kill leaves no half
            Path part = Files.createTempFile(dir, "." + fileName(library), ".part");
            try {
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // Windows: another process has the library loaded; fine when it is the same library
                    if (!(Files.isRegularFile(target) && Files.size(target) == size)) {
                        throw e;
                    }
                }
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return dir;
    }

    /**
     * ONNX Runtime's version from its jar's manifest; null when its classes sit in another jar (the command line's
     * single jar), where the fingerprint alone tells versions apart.
     */
    static String version() {
        Package p = ai.onnxruntime.OrtEnvironment.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (p == null || !"onnxruntime".equals(p.getImplementationTitle())) {
            v = shadedVersion();
        }
        return v != null && v.matches("[0-9A-Za-z.+-]{1,40}") ? v : null;
    }

    /** The attribute Onnxruntime-Version of the manifest of the jar that holds ONNX Runtime's classes, if any. */
    private static String shadedVersion() {
        try {
            java.security.CodeSource source = ai.onnxruntime.OrtEnvironment.class.getProtectionDomain()
                    .getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                java.util.jar.Manifest m = file.getManifest();
                return m == null ? null : m.getMainAttributes().getValue("Onnxruntime-Version");
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
