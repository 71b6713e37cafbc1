package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node description (XNodeFactory.xml next to its factory, as KNIME loads it) is valid against KNIME's
 * Node_v4.1.xsd and describes every port, every view, and every setting the model saves; its icon is a 16x16 PNG.
 */
class DescriptionsTest {

    static final String NS = "http://knime.org/node/v4.1";

    static List<NodeFactory<?>> factories() {
        return List.of(new LoadGTransformerNodeFactory(), new ExtractRepresentationsNodeFactory(),
            new HeatmapNodeFactory(), new org.gtlens.knime.ablate.AblateHeadsNodeFactory(),
            new org.gtlens.knime.patch.PatchActivationsNodeFactory());
    }

    static Document description(final NodeFactory<?> f) throws Exception {
        String name = f.getClass().getSimpleName() + ".xml";
        URL url = f.getClass().getResource(name);
        assertNotNull(url, name + " must sit next to " + f.getClass().getName());
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        try (InputStream in = url.openStream()) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void validAgainstKnimeSchema(final NodeFactory<?> f) throws Exception {
        Path xsd = TestSupport.shared().resolve("knime/schemas/Node_v4.1.xsd");
        Validator v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile())
            .newValidator();
        String name = f.getClass().getSimpleName() + ".xml";
        try (InputStream in = f.getClass().getResourceAsStream(name)) {
            v.validate(new StreamSource(in));
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void describesPortsViewsOptionsAndIcon(final NodeFactory f) throws Exception {
        Document doc = description(f);
        Element root = doc.getDocumentElement();
        assertEquals(NS, root.getNamespaceURI());
        NodeModel m = NodeTestHarness.createModel(f);
        assertEquals(NodeTestHarness.inPortTypes(m).length, doc.getElementsByTagNameNS(NS, "inPort").getLength());
        assertEquals(NodeTestHarness.outPortTypes(m).length, doc.getElementsByTagNameNS(NS, "outPort").getLength());
        assertEquals(NodeTestHarness.nrViews(f), doc.getElementsByTagNameNS(NS, "view").getLength());
        assertTrue(text(doc, "intro").length() > 200, "intro too short");
        // every setting is described: by its dialog label (settings keys are mapped to the option names)
        NodeList options = doc.getElementsByTagNameNS(NS, "option");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            Element o = (Element)options.item(i);
            names.add(o.getAttribute("name"));
            assertTrue(o.getTextContent().trim().length() > 20, "option " + o.getAttribute("name") + " is not described");
        }
        NodeSettings s = NodeTestHarness.saveSettings(m);
        for (String key : s.keySet()) {
            if (key.endsWith("_Internals")) {
                continue; // KNIME's own record of a settings model (its type and enabled flag), not a setting
            }
            String option = optionFor(key);
            if ("positions".equals(key) && !names.contains(option)) {
                option = "Positions"; // Patch Activations: positions of the residual stream, not matrix rows
            }
            assertTrue(names.contains(option), "setting " + key + " (option '" + option + "') is not described in "
                + names);
        }
        String icon = root.getAttribute("icon");
        try (InputStream in = f.getClass().getResourceAsStream(icon)) {
            assertNotNull(in, "icon " + icon);
            var img = ImageIO.read(in);
            assertEquals(16, img.getWidth());
            assertEquals(16, img.getHeight());
        }
    }

    private static String text(final Document doc, final String tag) {
        return doc.getElementsByTagNameNS(NS, tag).item(0).getTextContent().trim();
    }

    /** The description's option name of a settings key. */
    static String optionFor(final String key) {
        if (key.startsWith("kind_")) {
            return "attention, queries, keys, values, out, logprobs, rollout";
        }
        return switch (key) {
            case "model_file" -> "Model file";
            case "built_in_model" -> "Built-in model";
            case "sequence_mode" -> "Sequences from";
            case "sequence_column" -> "Sequence column";
            case "token_columns" -> "Token columns";
            case "layout" -> "Layout";
            case "batch_size" -> "Batch size";
            case "blocks" -> "Blocks";
            case "heads" -> "Heads";
            case "positions" -> "Positions (matrix rows)";
            case "top_k" -> "Top-k tokens of logprobs";
            case "keep_masked" -> "Keep attention cells the causal mask makes 0";
            case "memory_mb" -> "Memory per batch (MB)";
            case "aggregate" -> "Aggregate";
            case "group_column" -> "Group column";
            case "second_output" -> "Second output";
            case "on_bad_row" -> "On a bad row";
            case "method" -> "Method";
            case "clean_column" -> "Clean column";
            case "corrupted_column" -> "Corrupted column";
            case "answer_column" -> "Answer column";
            case "wrong_column" -> "Wrong column";
            case "sites" -> "Sites";
            case "kind" -> "Kind";
            case "value_scale" -> "Value scale";
            case "source_row" -> "Source row ID";
            case "facet_rows_column" -> "Panel rows by";
            case "facet_columns_column" -> "Panel columns by";
            case "row_column" -> "Matrix row";
            case "column_column" -> "Matrix column";
            case "value_column" -> "Value";
            case "color_scale" -> "Colour scale";
            case "value_labels" -> "Value labels";
            case "range" -> "Colour range";
            case "image_width" -> "Image width";
            case "image_height" -> "Image height";
            case "image_port_max_pixels" -> "Most pixels of the image port";
            case "image_format" -> "Image format";
            default -> "?" + key;
        };
    }
}
