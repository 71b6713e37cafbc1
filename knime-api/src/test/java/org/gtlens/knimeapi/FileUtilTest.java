package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.util.FileUtil;
import org.knime.core.util.TestKnimeUrls;

/** FileUtil.resolveToPath as in KNIME: local for file: and local knime:// URLs, null for any other URL. */
class FileUtilTest {

    @AfterEach
    void forget() {
        TestKnimeUrls.clear();
    }

    @Test
    void resolvesLocalUrlsAndReturnsNullForOthers(@TempDir final Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        Path flow = Files.createDirectories(root.resolve("a/flow"));
        TestKnimeUrls.mount("LOCAL", root);
        TestKnimeUrls.mount("Hub", null);
        TestKnimeUrls.workflow("LOCAL", flow);
        Path model = root.resolve("a/m x.onnx");
        assertEquals(model, FileUtil.resolveToPath(FileUtil.toURL("knime://LOCAL/a/m%20x.onnx")));
        assertEquals(model, FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../m%20x.onnx")));
        assertEquals(model, FileUtil.resolveToPath(FileUtil.toURL("knime://knime.mountpoint/a/m%20x.onnx")));
        assertEquals(model, FileUtil.resolveToPath(model.toUri().toURL()));
        assertEquals(model, FileUtil.resolveToPath(FileUtil.toURL(model.toString())));
        assertNull(FileUtil.resolveToPath(FileUtil.toURL("knime://Hub/Users/me/m.onnx")));
        assertNull(FileUtil.resolveToPath(FileUtil.toURL("https://example.org/m.onnx")));
        assertNull(FileUtil.resolveToPath(FileUtil.toURL("http://example.org/m.onnx")));
        IOException e = assertThrows(IOException.class,
            () -> FileUtil.resolveToPath(FileUtil.toURL("knime://Nowhere/m.onnx")));
        assertEquals("Unknown Mount point: Nowhere", e.getMessage());
        // a workflow on a remote mount point: its mountpoint-relative URLs are remote too
        TestKnimeUrls.workflow("Hub", flow);
        assertNull(FileUtil.resolveToPath(FileUtil.toURL("knime://knime.mountpoint/a/m.onnx")));
    }
}
