package org.knime.core.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's {@code knime:} protocol (package-private, not part of the API): KNIME resolves {@code knime://} URLs
 * by mount point, {@code knime.workflow} (the current workflow's folder) and {@code knime.mountpoint} (the root of
 * the workflow's mount point) to local files, and a URL on a remote mount point (a KNIME Hub or Server) to that
 * remote's http(s) address, which is no local file. Tests set the workflow and the mount points with the test-jar's
 * {@code TestKnimeUrls}; an unknown mount point is an {@link IOException} when the URL is opened, as in KNIME.
 */
final class KnimeUrls extends URLStreamHandler {

    static final KnimeUrls HANDLER = new KnimeUrls();

    /** Local mount points: ID to root folder. */
    static final Map<String, Path> MOUNTS = new ConcurrentHashMap<>();

    /** Remote mount points (a KNIME Hub or Server): IDs. */
    static final java.util.Set<String> REMOTES = ConcurrentHashMap.newKeySet();

    private static final String REMOTE = "remote";

    static volatile Path workflow;

    static volatile String workflowMount;

    private KnimeUrls() {
    }

    /**
     * @param url a {@code knime:} URL
     * @return the {@code file:} URL it stands for, or the http(s) URL of a remote mount point
     * @throws IOException if the mount point is unknown or there is no current workflow
     */
    static URL resolve(final URL url) throws IOException {
        String host = url.getHost();
        String path = url.getPath();
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if ("knime.workflow".equals(host) || "knime.node".equals(host)) {
            return local(require(workflow, "no workflow is open"), rel);
        } else if ("knime.mountpoint".equals(host)) {
            return mount(require(workflowMount, "no workflow is open"), rel);
        } else {
            return mount(host, rel);
        }
    }

    private static URL mount(final String id, final String rel) throws IOException {
        if (REMOTES.contains(id)) {
            return new URL("https", REMOTE + "." + id.toLowerCase(java.util.Locale.ROOT), "/" + rel);
        }
        Path root = MOUNTS.get(id);
        if (root == null) {
            throw new IOException("Unknown Mount point: " + id);
        }
        return local(root, rel);
    }

    private static URL local(final Path base, final String rel) throws IOException {
        try {
            return base.resolve(java.net.URLDecoder.decode(rel, java.nio.charset.StandardCharsets.UTF_8)).normalize()
                .toUri().toURL();
        } catch (MalformedURLException | RuntimeException e) {
            throw new IOException("Cannot resolve knime:" + rel + ": " + e.getMessage(), e);
        }
    }

    private static <T> T require(final T value, final String what) throws IOException {
        if (value == null) {
            throw new IOException("Cannot resolve a workflow-relative URL: " + what);
        }
        return value;
    }

    @Override
    protected URLConnection openConnection(final URL u) throws IOException {
        URL resolved = resolve(u);
        if ("file".equals(resolved.getProtocol())) {
            return resolved.openConnection();
        }
        return new URLConnection(resolved) {
            @Override
            public void connect() throws IOException {
                throw new IOException("The stand-in has no connection to the remote mount point of " + u);
            }
        };
    }

    /** @return the {@code file:} URL's path, keeping KNIME's tolerance of unencoded spaces */
    static Path filePath(final URL fileUrl) throws URISyntaxException, MalformedURLException {
        if (fileUrl.getPath().contains(" ")) {
            return Path.of(new URL(fileUrl.toString().replace(" ", "%20")).toURI());
        }
        return Path.of(fileUrl.toURI());
    }
}
