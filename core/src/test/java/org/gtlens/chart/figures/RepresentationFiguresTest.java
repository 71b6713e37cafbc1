package org.gtlens.chart.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.data.MatrixSource;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.testing.Pixels;
import org.gtlens.testing.Synthetic;

/** The six figures: names, shapes, labels and values, on the real models and on synthetic shapes. */
class RepresentationFiguresTest {

    static final Path OUT = Path.of("target", "chart-figures");

    static GTransformer defaultModelOrSkip() throws ModelException {
        try {
            GTransformer.defaultModelBytes();
        } catch (ModelException e) {
            Assumptions.abort("skipped: " + e.getMessage());
        }
        return GTransformer.loadDefault(1);
    }

    static GTransformer secondModelOrSkip() throws ModelException {
        Path file = Project.models("second/second.onnx");
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: " + file + " does not exist yet");
        return GTransformer.load(file);
    }

    /** Checks every figure against the matrices it was built from, for any model shape. */
    static void assertFigures(ModelInfo info, int[] tokens, List<Figure> figures, MatrixSource source) {
        List<String> names = new ArrayList<>();
        for (Figure f : figures) {
            names.add(f.name());
        }
        assertEquals(List.of("attention_maps", "query_matrices", "key_matrices", "value_matrices", "out_matrices",
                "prob_matrices"), names);
        String sequence = tokens.length <= 12 ? "sequence " + RepresentationFigures.sequenceText(info, tokens)
                : tokens.length + " tokens: " + RepresentationFigures.sequenceText(info, java.util.Arrays.copyOf(tokens, 8)) + ",...";
        int length = tokens.length;
        for (Figure f : figures) {
            HeatmapGrid g = f.grid();
            assertTrue(g.title().startsWith(f.kind().displayName()), g.title());
            assertTrue(g.title().endsWith(sequence), g.title());
            if (f.representation().perHead()) {
                assertEquals(info.depth(), g.gridRows(), f.name() + ": one row per block");
                assertEquals(info.heads(), g.gridCols(), f.name() + ": one column per head");
            } else {
                assertEquals(info.depth(), g.all().size(), f.name() + ": one panel per block");
            }
            for (int b = 0; b < info.depth(); b++) {
                for (int h = 0; h < (f.representation().perHead() ? info.heads() : 1); h++) {
                    HeatmapPanelData p = f.representation().perHead() ? g.panel(b, h) : g.all().get(b);
                    assertEquals(f.representation().perHead() ? "Block " + b + " · Head " + h : "Block " + b, p.title());
                    Matrix m = source.matrix(f.representation(), b, h);
                    assertEquals(m.rows(), p.rows());
                    assertEquals(m.cols(), p.cols());
                    assertEquals(length, p.rows());
                    for (int r = 0; r < m.rows(); r++) {
                        for (int c = 0; c < m.cols(); c++) {
                            float expected = f.representation() == Kind.LOGPROBS ? (float) Math.exp(m.get(r, c)) : m.get(r, c);
                            if (f.representation().causal() && c > r) {
                                // Masked by the causal mask: no value (grey, no number), not a real 0.
                                assertEquals(0f, m.get(r, c), f.name() + ": the source has 0 there");
                                assertTrue(Float.isNaN(p.value(r, c)), f.name() + " masked cell " + r + "," + c);
                                continue;
                            }
                            assertEquals(expected, p.value(r, c), 1e-6f, f.name() + " " + p.title());
                        }
                    }
                    String rowPrefix = f.representation() == Kind.ATTENTION ? "Out " : "Pos ";
                    for (int r = 0; r < length; r++) {
                        assertEquals(rowPrefix + r + ": " + info.tokenLabel(tokens[r]), p.rowLabels().get(r));
                    }
                    if (f.representation() == Kind.ATTENTION) {
                        assertEquals("In 2: " + info.tokenLabel(tokens[2]), p.colLabels().get(2));
                    }
                    if (f.representation() == Kind.LOGPROBS) {
                        assertEquals(info.vocab(), p.colLabels(), "vocab labels on the probability axis");
                        for (int r = 0; r < p.rows(); r++) {
                            double sum = 0;
                            for (int c = 0; c < p.cols(); c++) {
                                sum += p.value(r, c);
                            }
                            assertEquals(1.0, sum, 1e-4, "probabilities of a position sum to 1");
                        }
                    }
                }
            }
        }
        assertEquals("Out-Position i", figures.get(0).grid().rowAxisTitle());
        assertEquals("In-Position j", figures.get(0).grid().colAxisTitle());
        assertEquals("Vocab-Token v", figures.get(5).grid().colAxisTitle());
        assertEquals(3, FigureLayout.compute(figures.get(5).grid(), figures.get(5).defaults()).decimals());
        // The value figure shows the values, not the keys a second time.
        HeatmapGrid keys = figures.get(2).grid();
        HeatmapGrid values = figures.get(3).grid();
        assertFalse(java.util.Arrays.equals(keys.panel(0, 0).values().toArray(), values.panel(0, 0).values().toArray()),
                "value_matrices differ from key_matrices");
        assertArrayEquals(source.matrix(Kind.VALUES, 0, 0).toArray(), values.panel(0, 0).values().toArray());
    }

    /** Renders every figure and checks the PNG has the figure's size and is not blank. */
    static List<Path> renderAndCheck(List<Figure> figures, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Figure f : figures) {
            byte[] png = HeatmapRenderer.toPng(f.grid(), f.defaults());
            BufferedImage img = Pixels.decode(png);
            FigureLayout layout = FigureLayout.compute(f.grid(), f.defaults());
            assertEquals(layout.width(), img.getWidth());
            assertEquals(layout.height(), img.getHeight());
            assertTrue(Pixels.distinctColours(img) > 20, f.name() + " is not blank");
            Path file = dir.resolve(f.name() + ".png");
            Files.write(file, png);
            files.add(file);
        }
        return files;
    }

    @Test
    void defaultModelSequence45554() throws Exception {
        try (GTransformer model = defaultModelOrSkip()) {
            int[] tokens = {4, 5, 5, 5, 4};
            BatchResult b = new Extractor(model, EnumSet.copyOf(Kind.contract()), 1).extract(new Sequence("0", tokens));
            List<Figure> figures = RepresentationFigures.build(b, 0);
            assertFigures(b.info(), tokens, figures, (k, bl, h) -> b.matrix(0, k, bl, h));
            assertEquals("Attention maps · sequence 4,5,5,5,4", figures.get(0).grid().title());
            assertEquals("In 2: 5", figures.get(0).grid().panel(0, 0).colLabels().get(2));
            assertEquals(2, figures.get(0).grid().gridRows());
            assertEquals(3, figures.get(0).grid().gridCols());
            renderAndCheck(figures, OUT.resolve("default"));
        }
    }

    @Test
    void secondModelHasItsOwnShapeAndVocabulary() throws Exception {
        try (GTransformer model = secondModelOrSkip()) {
            ModelInfo info = model.info();
            int[] tokens = {1, 2, 3, 0, 4, 11, 5};
            BatchResult b = new Extractor(model, EnumSet.copyOf(Kind.contract()), 1).extract(new Sequence("s", tokens));
            List<Figure> figures = RepresentationFigures.build(b, 0);
            assertFigures(info, tokens, figures, (k, bl, h) -> b.matrix(0, k, bl, h));
            assertEquals(3, figures.get(0).grid().gridRows());
            assertEquals(2, figures.get(0).grid().gridCols());
            assertTrue(info.hasVocabLabels());
            renderAndCheck(figures, OUT.resolve("second"));
        }
    }

    @Test
    void onlyExtractedKindsAreBuilt() throws Exception {
        try (GTransformer model = defaultModelOrSkip()) {
            BatchResult b = new Extractor(model, EnumSet.of(Kind.ATTENTION, Kind.LOGPROBS), 1)
                    .extract(new Sequence("0", new int[] {1, 2, 3}));
            List<Figure> figures = RepresentationFigures.build(b, 0);
            assertEquals(List.of("attention_maps", "prob_matrices"), figures.stream().map(Figure::name).toList());
        }
    }

    @Test
    void syntheticShapesOfTheDefaultAndSecondModels() throws Exception {
        for (Synthetic s : new Synthetic[] {Synthetic.defaultShape(), Synthetic.secondShape()}) {
            List<Figure> figures = RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source());
            assertFigures(s.info, s.tokens, figures, s.source());
            renderAndCheck(figures, OUT.resolve("synthetic-k" + s.info.k()));
        }
        Synthetic second = Synthetic.secondShape();
        List<Figure> f = RepresentationFigures.build(second.info, second.tokens, second.allKinds(), second.source());
        assertEquals(List.of("the", "cat", "dog", "sat", "on", "mat", "rug", "a", "ran", "to", "<pad>", "<eos>"),
                f.get(5).grid().all().get(0).colLabels());
        assertTrue(f.get(0).grid().title().contains(second.info.tokenLabel(second.tokens[0])));
    }

    @Test
    void anyDepthHeadsLengthAndVocabulary() throws Exception {
        Synthetic s = new Synthetic(12, 4, 6, 9, Synthetic.ids(20), 5);
        List<Figure> figures = RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source());
        assertFigures(s.info, s.tokens, figures, s.source());
        HeatmapGrid out = figures.get(4).grid();
        assertEquals(6, out.all().size());
        assertTrue(out.gridRows() > 1 && out.gridCols() > 1, "six blocks of 9 x 12 wrap into rows");
        renderAndCheck(figures, OUT.resolve("synthetic-6x4"));
        // A subset of kinds from any source.
        List<Figure> some = RepresentationFigures.build(s.info, s.tokens, Set.of(Kind.VALUES, Kind.OUT), s.source());
        assertEquals(List.of("value_matrices", "out_matrices"), some.stream().map(Figure::name).toList());
    }

    /**
     * A query at position i sees the keys 0..i: the key columns of attention and rollout end at the last selected
     * position (rows 0..40 of 128 positions are 41 x 41, not 41 x 128 with two thirds grey); other kinds keep theirs.
     */
    @Test
    void causalKeyColumnsEndAtTheLastSelectedPosition() {
        Synthetic s = Synthetic.of(6, 3, 2, 128, 10, 9);
        for (String positions : List.of("0-40", "3,40", "40")) {
            Selection selection = Selection.all(EnumSet.of(Kind.ATTENTION, Kind.ROLLOUT, Kind.KEYS))
                    .withPositions(IndexList.parse(positions));
            int rows = selection.rows(128).length;
            for (Kind kind : List.of(Kind.ATTENTION, Kind.ROLLOUT)) {
                Figure f = RepresentationFigures.figure(s.info, s.tokens, kind, s.source(), selection);
                for (HeatmapPanelData p : f.grid().all()) {
                    assertEquals(rows, p.rows(), positions);
                    assertEquals(41, p.cols(), kind + " " + positions + ": keys 0..40");
                    assertEquals("In 40: " + s.info.tokenLabel(s.tokens[40]), p.colLabels().get(40));
                    assertEquals(s.matrix(kind, 0, 0).get(40, 40), f.grid().all().get(0).value(rows - 1, 40));
                }
            }
            Figure keys = RepresentationFigures.figure(s.info, s.tokens, Kind.KEYS, s.source(), selection);
            assertEquals(s.info.headDim(), keys.grid().panel(0, 0).cols(), "keys are not causal: every dimension");
        }
        Selection last = Selection.all(EnumSet.of(Kind.ATTENTION)).withPositions(IndexList.parse("0,last"));
        assertEquals(128, RepresentationFigures.figure(s.info, s.tokens, Kind.ATTENTION, s.source(), last).grid()
                .panel(1, 2).cols(), "the last position sees every key");
    }

    @Test
    void blockLevelFiguresWrapIntoBalancedRows() {
        assertEquals(1, RepresentationFigures.blocksPerRow(1, 5, 6));
        assertEquals(2, RepresentationFigures.blocksPerRow(2, 5, 6), "two small out matrices side by side");
        assertEquals(2, RepresentationFigures.blocksPerRow(3, 7, 12), "three blocks of 12 tokens: 2 + 1");
        assertEquals(3, RepresentationFigures.blocksPerRow(6, 9, 12), "six blocks in balanced rows");
        assertEquals(1, RepresentationFigures.blocksPerRow(3, 5, 60), "wide panels stack");
        assertEquals(6, RepresentationFigures.blocksPerRow(6, 64, 30), "tall panels line up");
    }
}
