package org.gtlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.testing.Synthetic;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.junit.jupiter.api.Test;

/**
 * The rendering benchmark runs and renders what it claims; its timings are printed, never asserted (speed is shown
 * by {@code gtlens bench}).
 */
class ChartBenchmarkTest {

    @Test
    void sixSyntheticFiguresRenderFast() {
        Synthetic s = Synthetic.defaultShape();
        ChartBenchmark.Timing t = ChartBenchmark.measure(
                () -> RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source()), 15);
        System.out.println("chart benchmark (synthetic 4,5,5,5,4): " + t);
        assertEquals(6, t.figures());
        assertTrue(t.pngBytes() > 10_000);
    }

    @Test
    void sixFiguresOfTheDefaultModelRenderFastAndAreSaved() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            BatchResult b = new Extractor(model, EnumSet.copyOf(Kind.contract()), 1)
                    .extract(new Sequence("0", new int[] {4, 5, 5, 5, 4}));
            ChartBenchmark.Timing t = ChartBenchmark.measure(b, 0, 15);
            System.out.println("chart benchmark (default model, 4,5,5,5,4): " + t);
            assertEquals(6, t.figures());
            List<Path> files = ChartBenchmark.writeAll(b, 0, Path.of("target", "chart-benchmark"));
            assertEquals(List.of("attention_maps.png", "query_matrices.png", "key_matrices.png", "value_matrices.png",
                    "out_matrices.png", "prob_matrices.png"),
                    files.stream().map(p -> p.getFileName().toString()).toList());
            for (Path p : files) {
                assertTrue(Files.size(p) > 1000);
            }
        }
    }
}
