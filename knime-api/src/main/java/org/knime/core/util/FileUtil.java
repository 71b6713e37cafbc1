package org.knime.core.util;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME's {@code FileUtil} (compile/test only, never shipped): a few file helpers. As in KNIME,
 * {@link #toURL(String)} understands {@code knime://} URLs and {@link #resolveToPath(URL)} resolves every URL backed
 * by a local file ({@code file:}, and {@code knime://} on the current workflow or a local mount point) and returns
 * null for any other (http, https, a remote mount point). Tests set the workflow and mount points with the test-jar's
 * {@code TestKnimeUrls}.
 */
public final class FileUtil {

    private FileUtil() {
    }

    /**
     * @param dir a file or directory
     * @return whether everything was deleted
     */
    public static boolean deleteRecursively(final File dir) {
        if (dir == null || !dir.exists()) {
            return true;
        }
        try (Stream<Path> s = Files.walk(dir.toPath())) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            return false;
        }
        return !dir.exists();
    }

    /**
     * @param prefix name prefix
     * @return a new temporary directory (deleted on exit)
     * @throws IOException if it cannot be created
     */
    public static File createTempDir(final String prefix) throws IOException {
        File d = Files.createTempDirectory(prefix).toFile();
        d.deleteOnExit();
        return d;
    }

    /**
     * @param fileUrl a URL
     * @return the local file of a {@code file:} URL, else null
     */
    public static File getFileFromURL(final URL fileUrl) {
        if (fileUrl == null || !"file".equalsIgnoreCase(fileUrl.getProtocol())) {
            return null;
        }
        try {
            return Paths.get(fileUrl.toURI()).toFile();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new File(fileUrl.getPath());
        }
    }

    /**
     * @param url any URL
     * @return the local path it stands for, or null when it is not backed by a local file
     * @throws IOException if a {@code knime:} URL cannot be resolved (an unknown mount point)
     * @throws URISyntaxException if the URL is not a valid URI
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        URL resolved = "knime".equalsIgnoreCase(url.getProtocol()) ? KnimeUrls.resolve(url) : url;
        if (!"file".equalsIgnoreCase(resolved.getProtocol())) {
            return null;
        }
        return KnimeUrls.filePath(resolved);
    }

    /**
     * @param path a URL (with protocol) or a local path
     * @return the URL
     * @throws MalformedURLException if a URL is malformed
     * @throws InvalidPathException if a local path is invalid
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            // KNIME registers a handler for knime: URLs; the stand-in passes its own
            return path.regionMatches(true, 0, "knime:", 0, 6) ? new URL(null, path, KnimeUrls.HANDLER)
                : new URL(path);
        }
        return Paths.get(path).toAbsolutePath().toUri().toURL();
    }

    /**
     * @param loc a local path or URL
     * @return a stream of its content
     * @throws IOException if it cannot be read
     * @throws InvalidSettingsException if the location is empty or invalid
     */
    public static InputStream openInputStream(final String loc) throws IOException, InvalidSettingsException {
        if (loc == null || loc.isBlank()) {
            throw new InvalidSettingsException("No location provided");
        }
        try {
            return toURL(loc).openStream();
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("Invalid location \"" + loc + "\": " + e.getMessage(), e);
        }
    }
}
