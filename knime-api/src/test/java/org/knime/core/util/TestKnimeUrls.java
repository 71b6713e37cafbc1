package org.knime.core.util;

import java.nio.file.Path;

/**
 * Test support (test-jar of the knime-api stand-in): the workflow and mount points that {@code knime://} URLs
 * resolve against in {@link FileUtil}.
 */
public final class TestKnimeUrls {

    private TestKnimeUrls() {
    }

    /**
     * @param id a mount ID (e.g. LOCAL)
     * @param root its local root, or null for a remote mount point (a KNIME Hub or Server: no local files)
     */
    public static void mount(final String id, final Path root) {
        if (root == null) {
            KnimeUrls.MOUNTS.remove(id);
            KnimeUrls.REMOTES.add(id);
        } else {
            KnimeUrls.REMOTES.remove(id);
            KnimeUrls.MOUNTS.put(id, root.toAbsolutePath().normalize());
        }
    }

    /**
     * @param mountId the mount point holding the workflow
     * @param dir the workflow's folder
     */
    public static void workflow(final String mountId, final Path dir) {
        KnimeUrls.workflowMount = mountId;
        KnimeUrls.workflow = dir.toAbsolutePath().normalize();
    }

    /** Forgets the workflow and all mount points. */
    public static void clear() {
        KnimeUrls.MOUNTS.clear();
        KnimeUrls.REMOTES.clear();
        KnimeUrls.workflow = null;
        KnimeUrls.workflowMount = null;
    }
}
