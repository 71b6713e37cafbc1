package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.swing.JTextField;

import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectTestIO;

class LoadGTransformerNodeTest {

    private static NodeModel model(final String file) throws InvalidSettingsException {
        NodeModel m = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        s.addString("model_file", file);
        NodeTestHarness.loadSettings(m, s);
        return m;
    }

    @Test
    void defaultSettingsGiveTheBuiltInModelAtConfigure() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        assertEquals("", NodeTestHarness.saveSettings(m).getString("model_file"));
        PortObjectSpec[] specs = NodeTestHarness.configure(m);
        ModelInfo info = ((GTransformerPortObjectSpec)specs[0]).getInfo();
        assertEquals(GTransformer.DEFAULT_MODEL_NAME, info.source());
        assertEquals(List.of(6, 3, 2, 5, 10), List.of(info.k(), info.heads(), info.depth(), info.t(), info.numTokens()));
        GTransformerPortObject port = (GTransformerPortObject)NodeTestHarness.run(m)[0];
        assertEquals(specs[0], port.getSpec());
        assertEquals(GTransformer.defaultModelBytes().length, port.getModelSize());
        assertTrue(port.getSummary().contains("k=6"), port.getSummary());
        assertTrue(port.getSpec().getSummary().contains("num_tokens:  10"), port.getSpec().getSummary());
        assertEquals(1, port.getViews().length);
        assertEquals(1, port.getSpec().getViews().length);
    }

    @Test
    void secondModelFromFile() throws Exception {
        NodeModel m = model(TestSupport.secondModel().toString());
        ModelInfo info = ((GTransformerPortObjectSpec)NodeTestHarness.configure(m)[0]).getInfo();
        assertEquals(List.of(8, 2, 3, 7, 12), List.of(info.k(), info.heads(), info.depth(), info.t(), info.numTokens()));
        assertEquals("second.onnx", info.source());
        assertEquals("<pad>", info.vocab().get(0));
        GTransformerPortObject port = (GTransformerPortObject)NodeTestHarness.run(m)[0];
        assertEquals(Files.size(TestSupport.secondModel()), port.getModelSize());
        assertTrue(port.getSpec().getSummary().contains("depth:       3"));
        // also as a file: URL
        NodeModel u = model(TestSupport.secondModel().toUri().toString());
        assertEquals(info, ((GTransformerPortObjectSpec)NodeTestHarness.configure(u)[0]).getInfo());
    }

    @Test
    void missingFileFailsAtConfigureWithClearMessage(@TempDir final Path dir) throws Exception {
        Path missing = dir.resolve("nope.onnx");
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(missing.toString())));
        assertEquals("Model file " + missing + " does not exist.", e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(dir.toString())));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void nonContractFileFailsAtConfigure(@TempDir final Path dir) throws Exception {
        Path junk = dir.resolve("junk.onnx");
        Files.writeString(junk, "this is not a model");
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(junk.toString())));
        assertTrue(e.getMessage().startsWith("Model file junk.onnx is not an ONNX model"), e.getMessage());
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(empty.toString())));
        assertEquals("Model file " + empty + " is empty.", e.getMessage());
    }

    @Test
    void changedFileIsReadAgain(@TempDir final Path dir) throws Exception {
        Path f = dir.resolve("m.onnx");
        Files.copy(TestSupport.secondModel(), f);
        NodeModel m = model(f.toString());
        assertEquals(8, ((GTransformerPortObjectSpec)NodeTestHarness.configure(m)[0]).getInfo().k());
        Files.writeString(f, "broken now");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(m));
    }

    /** An empty file field means the built-in model chosen; a workflow saved before that setting gets the toy. */
    @Test
    void theInductionModelIsBuiltInAndOldWorkflowsKeepTheToy() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        assertEquals("toy", s.getString("built_in_model"));
        s.addString("built_in_model", "induction");
        NodeTestHarness.loadSettings(m, s);
        ModelInfo info = ((GTransformerPortObjectSpec)NodeTestHarness.configure(m)[0]).getInfo();
        assertEquals(org.gtlens.runtime.BuiltInModel.INDUCTION.displayName(), info.source());
        assertEquals(List.of(64, 4, 2, 32, 48), List.of(info.k(), info.heads(), info.depth(), info.t(),
            info.numTokens()));
        GTransformerPortObject port = (GTransformerPortObject)NodeTestHarness.run(m)[0];
        assertEquals(org.gtlens.runtime.BuiltInModel.INDUCTION.bytes().length, port.getModelSize());

        NodeSettings old = new NodeSettings("old");
        old.addString("model_file", "");
        NodeModel before = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        NodeTestHarness.validateSettings(before, old);
        NodeTestHarness.loadSettings(before, old);
        assertEquals(GTransformer.DEFAULT_MODEL_NAME,
            ((GTransformerPortObjectSpec)NodeTestHarness.configure(before)[0]).getInfo().source());
        s.addString("built_in_model", "gpt2");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.validateSettings(before, s));
        assertEquals("'gpt2' is not a built-in model; choose toy or induction.", e.getMessage());

        NodeDialogPane d = NodeTestHarness.createDialog(new LoadGTransformerNodeFactory());
        s.addString("built_in_model", "induction");
        NodeTestHarness.loadDialog(d, s);
        assertEquals("induction", NodeTestHarness.saveDialog(d).getString("built_in_model"));
        NodeTestHarness.loadDialog(d, old);
        assertEquals("toy", NodeTestHarness.saveDialog(d).getString("built_in_model"));
    }

    @Test
    void settingsRoundTrip() throws Exception {
        NodeModel m = model("/some/where/model.onnx");
        NodeSettings s = NodeTestHarness.saveSettings(m);
        NodeModel other = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        NodeTestHarness.validateSettings(other, s);
        NodeTestHarness.loadSettings(other, s);
        assertEquals("/some/where/model.onnx", NodeTestHarness.saveSettings(other).getString("model_file"));
        assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.validateSettings(other, new NodeSettings("empty")));
    }

    @Test
    void portObjectRoundTripStillRunsTheModel() throws Exception {
        for (GTransformerPortObject port : List.of(TestSupport.defaultPort(), TestSupport.secondPort())) {
            GTransformerPortObjectSpec spec = PortObjectTestIO.roundTrip(port.getSpec());
            assertEquals(port.getSpec(), spec);
            GTransformerPortObject loaded = PortObjectTestIO.roundTrip(port);
            assertNotSame(port, loaded);
            assertEquals(port.getSpec(), loaded.getSpec());
            assertEquals(port.getModelSize(), loaded.getModelSize());
            Sequence seq = new Sequence("s", new int[]{1, 2, 3, 1});
            try (GTransformer a = port.openModel(1); GTransformer b = loaded.openModel(1)) {
                BatchResult ra = new Extractor(a, Set.of(Kind.ATTENTION), 4).extract(seq);
                BatchResult rb = new Extractor(b, Set.of(Kind.ATTENTION), 4).extract(seq);
                assertArrayEquals(ra.matrix(0, Kind.ATTENTION, 1, 1).toArray(), rb.matrix(0, Kind.ATTENTION, 1, 1).toArray());
                assertEquals(ra.prediction(0).last(), rb.prediction(0).last());
            }
        }
    }

    @Test
    void dialogShowsAndSavesTheFile() throws Exception {
        NodeDialogPane d = NodeTestHarness.createDialog(new LoadGTransformerNodeFactory());
        NodeModel m = model("/x/y.onnx");
        NodeTestHarness.loadDialog(d, NodeTestHarness.saveSettings(m));
        JTextField field = findField(NodeTestHarness.tab(d, "Options"));
        assertEquals("/x/y.onnx", field.getText());
        field.setText("  ");
        assertEquals("", NodeTestHarness.saveDialog(d).getString("model_file"));
    }

    private static JTextField findField(final java.awt.Component c) {
        if (c instanceof JTextField f) {
            return f;
        }
        if (c instanceof java.awt.Container k) {
            for (java.awt.Component child : k.getComponents()) {
                JTextField f = findField(child);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    @Test
    void knimeUrlsOfLocalFilesLoadAndOthersAreRefusedWithASentence(@TempDir final Path dir) throws Exception {
        Path workflow = Files.createDirectories(dir.resolve("workspace/group/flow"));
        Files.copy(TestSupport.secondModel(), dir.resolve("workspace/group/second.onnx"));
        org.knime.core.util.TestKnimeUrls.mount("LOCAL", dir.resolve("workspace"));
        org.knime.core.util.TestKnimeUrls.mount("Hub", null);
        org.knime.core.util.TestKnimeUrls.workflow("LOCAL", workflow);
        try {
            for (String url : List.of("knime://LOCAL/group/second.onnx", "knime://knime.workflow/../second.onnx",
                "knime://knime.mountpoint/group/second.onnx")) {
                GTransformerPortObjectSpec spec = (GTransformerPortObjectSpec)NodeTestHarness.configure(
                    model(url))[0];
                assertEquals(8, spec.getInfo().k(), url);
            }
            for (String url : List.of("knime://Hub/Users/me/second.onnx", "https://example.org/second.onnx")) {
                InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> NodeTestHarness.configure(model(url)));
                assertEquals("Model file location '" + url + "' is not a local file; GT Lens reads models from local "
                    + "files and local knime:// URLs only, so download it first.", e.getMessage());
            }
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> NodeTestHarness.configure(model("knime://Nowhere/second.onnx")));
            assertTrue(e.getMessage().startsWith("Model file location 'knime://Nowhere/second.onnx' is not a valid "
                + "local path or URL: Unknown Mount point: Nowhere"), e.getMessage());
        } finally {
            org.knime.core.util.TestKnimeUrls.clear();
        }
    }
}
