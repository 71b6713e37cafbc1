package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.knime.ablate.AblateHeadsNodeFactory;
import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.patch.PatchActivationsNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Selection;
import org.gtlens.repr.TextTokens;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Layout;
import org.gtlens.testing.OnnxBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataType;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/**
 * Sequences typed as text in the nodes that read sequences: the same text gives the same token ids, and so the same
 * tables, as the command line's {@code --input FILE --as text}; a character the vocabulary cannot express stops the
 * node with one sentence naming the row, the character and its position; workflows saved before the choice read ids.
 */
class TextSequencesNodeTest {

    private static final String[] TEXTS = {"efffe", "abc", "jihg", "aaaaa"};

    /** The same texts as token ids, the letters a..j being the tokens 0..9. */
    private static final String[] IDS = {"4,5,5,5,4", "0,1,2", "9,8,7,6", "0,0,0,0,0"};

    @TempDir
    Path dir;

    /** The built-in model with the letters a..j as its vocabulary. */
    private GTransformerPortObject letters() throws Exception {
        byte[] model = Files.readAllBytes(TestSupport.root().resolve("models/gtransformer.onnx"));
        byte[] relabelled = OnnxBytes.withMetadata(model, Map.of("gtlens.contract", "2", "gtlens.k", "6",
            "gtlens.heads", "3", "gtlens.depth", "2", "gtlens.t", "5", "gtlens.num_tokens", "10", "gtlens.vocab",
            "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]"));
        return TestSupport.load(Files.write(dir.resolve("letters.onnx"), relabelled).toString());
    }

    private static BufferedDataTable column(final String name, final String... values) {
        List<org.knime.core.data.DataRow> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new org.knime.core.data.def.DefaultRow(Integer.toString(rows.size()), new StringCell(v)));
        }
        return TestTables.table(new org.knime.core.data.DataTableSpec(
            new org.knime.core.data.DataColumnSpecCreator(name, StringCell.TYPE).createSpec()), rows);
    }

    private static NodeModel node(final NodeFactory<?> factory, final Consumer<NodeSettings> settings)
        throws Exception {
        NodeModel node = NodeTestHarness.createModel(factory);
        NodeSettings s = NodeTestHarness.saveSettings(node);
        settings.accept(s);
        NodeTestHarness.loadSettings(node, s);
        return node;
    }

    @Test
    void extractReadsTextAsTheCommandLineDoes() throws Exception {
        GTransformerPortObject port = letters();
        Path csv = Files.writeString(dir.resolve("text.csv"), "text\n" + String.join("\n", TEXTS) + "\n");
        Path out = Files.createDirectories(dir.resolve("cli"));
        TableJob job = TableJob.representations(Selection.all(EnumSet.of(Kind.ATTENTION, Kind.LOGPROBS))
            .withKeepMasked(false), BatchPlan.of(3), Layout.LONG);
        try (GTransformer model = port.openModel(1); SequenceCsvReader reader = new SequenceCsvReader(csv, "text",
            null, TextTokens.of(model.info()))) {
            CsvTables.write(new TableRun<>(job, model, Function.identity()), job, reader::nextItem, out,
                Extractor.ProgressListener.NONE, () -> false);
        }
        List<List<String>> predictions = FrontEndsAgreeTest.csv(out.resolve(CsvTables.PREDICTIONS));
        List<String> header = predictions.get(0);
        for (int i = 0; i < IDS.length; i++) {
            List<String> row = predictions.get(i + 1);
            assertEquals(IDS[i], row.get(header.indexOf("tokens")), "the ids of " + TEXTS[i]);
            // every predicted id comes with its letter
            StringBuilder letters = new StringBuilder();
            for (String id : row.get(header.indexOf("predicted_tokens")).split(" ")) {
                letters.append(letters.length() == 0 ? "" : " ").append((char)('a' + Integer.parseInt(id)));
            }
            assertEquals(letters.toString(), row.get(header.indexOf("predicted_labels")));
        }

        Consumer<NodeSettings> kinds = s -> {
            for (Kind k : Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), k == Kind.ATTENTION || k == Kind.LOGPROBS);
            }
            s.addBoolean("keep_masked", false);
            s.addInt("batch_size", 3);
        };
        PortObject[] text = NodeTestHarness.run(node(new ExtractRepresentationsNodeFactory(), kinds.andThen(s -> {
            s.addString("sequence_mode", "text");
            s.addString("sequence_column", "text");
        })), port, column("text", TEXTS));
        List<List<String>> cli = FrontEndsAgreeTest.csv(out.resolve(CsvTables.fileName(
            job.outputs().iterator().next())));
        List<List<String>> knime = FrontEndsAgreeTest.text((BufferedDataTable)text[1]);
        assertEquals(cli.size(), knime.size(), "rows");
        for (int r = 1; r < cli.size(); r++) {
            assertEquals(cli.get(r), knime.get(r), "row " + r);
        }
        // the predictions appended to the input rows are the command line's, labels included
        List<List<String>> appended = FrontEndsAgreeTest.text((BufferedDataTable)text[0]);
        for (int r = 1; r < predictions.size(); r++) {
            List<String> p = predictions.get(r);
            List<String> a = appended.get(r);
            assertEquals(p.subList(2, p.size()), a.subList(a.size() - (p.size() - 2), a.size()), "prediction " + r);
        }

        // and the same tokens given as ids make the same tables
        PortObject[] ids = NodeTestHarness.run(node(new ExtractRepresentationsNodeFactory(), kinds.andThen(s -> {
            s.addString("sequence_mode", "column");
            s.addString("sequence_column", "tokens");
        })), port, column("tokens", IDS));
        assertEquals(knime, FrontEndsAgreeTest.text((BufferedDataTable)ids[1]));
    }

    @Test
    void ablateHeadsReadsTextAsTokenIds() throws Exception {
        GTransformerPortObject port = letters();
        Consumer<NodeSettings> mean = s -> s.addString("method", "mean");
        PortObject[] text = NodeTestHarness.run(node(new AblateHeadsNodeFactory(), mean.andThen(s -> {
            s.addString("sequence_mode", "text");
            s.addString("sequence_column", "text");
        })), port, column("text", TEXTS));
        PortObject[] ids = NodeTestHarness.run(node(new AblateHeadsNodeFactory(), mean.andThen(s -> {
            s.addString("sequence_column", "tokens");
        })), port, column("tokens", IDS));
        List<List<String>> fromText = FrontEndsAgreeTest.text((BufferedDataTable)text[0]);
        assertEquals(1 + TEXTS.length * 2 * 3 * ablationMetrics(fromText), fromText.size());
        assertEquals(fromText, FrontEndsAgreeTest.text((BufferedDataTable)ids[0]));
    }

    private static int ablationMetrics(final List<List<String>> table) {
        int metric = table.get(0).indexOf("Metric");
        return (int)table.stream().skip(1).map(r -> r.get(metric)).distinct().count();
    }

    @Test
    void patchActivationsReadsTextPairsAsTokenIds() throws Exception {
        GTransformerPortObject port = letters();
        BufferedDataTable textPairs = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, new Object[]{"efffe", "effff"},
            new Object[]{"abc", "abd"});
        BufferedDataTable idPairs = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, new Object[]{"4,5,5,5,4", "4,5,5,5,5"},
            new Object[]{"0,1,2", "0,1,3"});
        PortObject[] text = NodeTestHarness.run(node(new PatchActivationsNodeFactory(),
            s -> s.addString("sequence_mode", "text")), port, textPairs);
        PortObject[] ids = NodeTestHarness.run(node(new PatchActivationsNodeFactory(), x -> { }), port, idPairs);
        for (int t = 0; t < 2; t++) {
            List<List<String>> a = FrontEndsAgreeTest.text((BufferedDataTable)text[t]);
            assertTrue(a.size() > 2, "output " + t + " has rows");
            assertEquals(a, FrontEndsAgreeTest.text((BufferedDataTable)ids[t]), "output " + t);
        }
    }

    @Test
    void aCharacterTheVocabularyCannotExpressIsOneSentence() throws Exception {
        GTransformerPortObject port = letters();
        var e = assertThrows(Exception.class, () -> NodeTestHarness.run(node(new ExtractRepresentationsNodeFactory(),
            s -> s.addString("sequence_mode", "text")), port, column("text", "abc", "abz")));
        assertEquals("Row 1 in column 'text' has 'z' (U+007A) at character 2, which the model's vocabulary cannot "
            + "express.", e.getMessage());
        e = assertThrows(Exception.class, () -> NodeTestHarness.run(node(new AblateHeadsNodeFactory(),
            s -> s.addString("sequence_mode", "text")), port, column("text", "abcdefg")));
        assertTrue(e.getMessage().startsWith("Row 0 has 7 tokens"), e.getMessage());
        AblateHeadsNodeTest.assertOneSentence(e.getMessage());
    }

    @Test
    void textFromAListColumnIsRefusedAtConfigure() throws Exception {
        NodeModel node = node(new ExtractRepresentationsNodeFactory(), s -> {
            s.addString("sequence_mode", "text");
            s.addString("sequence_column", "tokens");
        });
        BufferedDataTable lists = TestTables.table(new org.knime.core.data.DataTableSpec(
            new org.knime.core.data.DataColumnSpecCreator("tokens", DataType.getType(ListCell.class,
                IntCell.TYPE)).createSpec()));
        var e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(node,
            TestSupport.defaultPort(), lists));
        assertTrue(e.getMessage().startsWith("The sequence column 'tokens' holds "), e.getMessage());
        assertTrue(e.getMessage().endsWith("sequences from text need a text column, or choose token ids as the "
            + "sequences' source."), e.getMessage());
    }
}
