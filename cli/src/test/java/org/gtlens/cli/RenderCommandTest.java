package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, demo and bench as a user runs them. */
class RenderCommandTest {

    private static final List<String> NAMES = List.of("attention_maps", "query_matrices", "key_matrices",
            "value_matrices", "out_matrices", "prob_matrices");

    @TempDir
    Path dir;

    @Test
    void rendersSixPngsAndSvgs() throws Exception {
        CliRun run = CliRun.of("render", "--tokens", "4,5,5,5,4", "--out", dir.resolve("png").toString(), "--zoom",
                "2");
        assertEquals(0, run.exit(), run.err());
        for (String name : NAMES) {
            BufferedImage image = ImageIO.read(dir.resolve("png").resolve(name + ".png").toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 200, name);
        }
        run = CliRun.of("render", "--model", Project.models("second/second.onnx").toString(), "--tokens", "1,2,3",
                "--out", dir.resolve("svg").toString(), "--format", "svg", "--kinds", "attention,logprobs");
        assertEquals(0, run.exit(), run.err());
        try (var files = Files.list(dir.resolve("svg"))) {
            assertEquals(List.of("attention_maps.svg", "prob_matrices.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("svg/attention_maps.svg").toFile()).getDocumentElement().getNodeName());
    }

    @Test
    void selectionAndColourScaleShapeTheFigure() throws Exception {
        Path out = dir.resolve("selected");
        CliRun run = CliRun.of("render", "--tokens", "4,5,5,5,4", "--out", out.toString(), "--kinds", "attention",
                "--blocks", "last", "--heads", "0,2", "--positions", "3-4", "--scale", "row", "--format", "svg");
        assertEquals(0, run.exit(), run.err());
        String svg = Files.readString(out.resolve("attention_maps.svg"));
        assertTrue(svg.contains("Block 1 · Head 0") && svg.contains("Block 1 · Head 2"), "the chosen heads");
        assertTrue(!svg.contains("Block 0 ·") && !svg.contains("Head 1<"), "and no others");
        assertTrue(svg.contains("Out 3: 5") && svg.contains("Out 4: 4") && !svg.contains("Out 0: 4"),
                "rows 3 and 4 only");
    }

    @Test
    void figureOptionsOutOfRangeAreUsageErrors() throws Exception {
        Object[][] cases = {
            {new String[] {"--scale", "2"}, "--scale must be linear, log or row, got '2'; the image size factor is "
                    + "now --zoom 2."},
            {new String[] {"--scale", "loud"}, "--scale must be linear, log or row, got 'loud'."},
            {new String[] {"--zoom", "0.0001"}, "--zoom must be between 0.5 and 8.0, got 1.0E-4."},
            {new String[] {"--zoom", "9"}, "--zoom must be between 0.5 and 8.0, got 9.0."},
            {new String[] {"--blocks", "7"}, "block 7 does not exist: the model has 2 blocks (0..1)."},
            {new String[] {"--labels", "maybe"}, "--labels must be auto, on or off, got 'maybe'"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("bad" + Math.abs(java.util.Arrays.hashCode((String[]) c[0])));
            List<String> args = new java.util.ArrayList<>(List.of("render", "--tokens", "4,5,5,5,4", "--out",
                    out.toString()));
            args.addAll(List.of((String[]) c[0]));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(2, run.exit(), String.join(" ", (String[]) c[0]) + ": " + run.err());
            assertTrue(run.err().startsWith("gtlens: " + c[1]), run.err());
            assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "no file for " + c[1]);
        }
    }

    @Test
    void labelsOnThatCannotFitAreSaidNotDrawnBlank() throws Exception {
        Path out = dir.resolve("labels");
        StringBuilder tokens = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            tokens.append(i == 0 ? "" : ",").append(i * 7 % 64);
        }
        CliRun run = CliRun.of("render", "--model", Project.models("mid/mid.onnx").toString(), "--tokens",
                tokens.toString(), "--out", out.toString(), "--kinds", "attention", "--labels", "on");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("attention_maps: cells of ") && run.err().contains("too small for value labels"),
                run.err());
        BufferedImage img = ImageIO.read(out.resolve("attention_maps.png").toFile());
        assertTrue(img.getWidth() > 1000 && img.getWidth() <= 6100, "grown, within the limit: " + img.getWidth());
        // one head alone has room for its values: no warning then
        run = CliRun.of("render", "--model", Project.models("mid/mid.onnx").toString(), "--tokens",
                tokens.substring(0, 29), "--out", dir.resolve("one").toString(), "--kinds", "attention", "--labels",
                "on", "--blocks", "0", "--heads", "0");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err().strip());
    }

    @Test
    void tooLargeAZoomIsSaidBeforeAnythingIsDrawn() throws Exception {
        Path out = dir.resolve("huge");
        String tokens = "4,5,5,5,4";
        CliRun run = CliRun.of("render", "--tokens", tokens, "--out", out.toString(), "--zoom", "8", "--labels",
                "on");
        if (run.exit() == 0) {
            // The toy figures are small: 8x is allowed. Every file is a complete PNG then.
            for (String name : NAMES) {
                assertTrue(ImageIO.read(out.resolve(name + ".png").toFile()).getWidth() > 2000, name);
            }
        } else {
            assertTrue(run.err().contains("pixels") && run.err().contains("--zoom"), run.err());
            assertTrue(Files.list(out).findAny().isEmpty(), "no figure at all when one is too large");
        }
    }

    @Test
    void rendersRolloutAndTheSummaryFiguresOfAnotherModel() throws Exception {
        Path out = dir.resolve("summary");
        CliRun run = CliRun.of("render", "--model", Project.models("second/second.onnx").toString(), "--tokens",
                "1,2,3,4", "--out", out.toString(), "--kinds", "rollout", "--summary");
        assertEquals(0, run.exit(), run.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("head_scores.png", "lens_stats.png", "rollout_maps.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // four panels side by side, one per score; two by two for the statistics
        BufferedImage heads = ImageIO.read(out.resolve("head_scores.png").toFile());
        BufferedImage lens = ImageIO.read(out.resolve("lens_stats.png").toFile());
        assertTrue(heads.getWidth() > heads.getHeight(), heads.getWidth() + "x" + heads.getHeight());
        assertTrue(lens.getHeight() > 200, "lens " + lens.getHeight());
    }

    /**
     * Rows 0..20 of a 64-token sequence are drawn as the 21-token sequence that begins it is: attention and rollout
     * panels of 21 x 21 cells, their key columns ending at the last selected position.
     */
    @Test
    void causalKindsEndTheirKeyColumnsAtTheLastSelectedPosition() throws Exception {
        String model = Project.models("mid/mid.onnx").toString();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tokens.add(Integer.toString(i * 7 % 64));
        }
        Path some = dir.resolve("some");
        Path prefix = dir.resolve("prefix");
        CliRun run = CliRun.of("render", "--model", model, "--tokens", String.join(",", tokens), "--positions", "0-20",
                "--kinds", "attention,rollout", "--out", some.toString());
        assertEquals(0, run.exit(), run.err());
        run = CliRun.of("render", "--model", model, "--tokens", String.join(",", tokens.subList(0, 21)), "--kinds",
                "attention,rollout", "--out", prefix.toString());
        assertEquals(0, run.exit(), run.err());
        for (String name : List.of("attention_maps.png", "rollout_maps.png")) {
            BufferedImage selected = ImageIO.read(some.resolve(name).toFile());
            BufferedImage shorter = ImageIO.read(prefix.resolve(name).toFile());
            assertEquals(shorter.getWidth() + "x" + shorter.getHeight(), selected.getWidth() + "x"
                    + selected.getHeight(), name);
        }
    }

    /** The logit-lens statistics of a 64-token sequence (six blocks) are no thin strip of four panels. */
    @Test
    void lensStatisticsOfALongSequenceAreNoStrip() throws Exception {
        Path out = dir.resolve("lens");
        StringBuilder tokens = new StringBuilder("0");
        for (int i = 1; i < 64; i++) {
            tokens.append(',').append(i * 7 % 64);
        }
        CliRun run = CliRun.of("render", "--model", Project.models("mid/mid.onnx").toString(), "--tokens",
                tokens.toString(), "--kinds", "out", "--summary", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        BufferedImage lens = ImageIO.read(out.resolve("lens_stats.png").toFile());
        double aspect = (double) lens.getWidth() / lens.getHeight();
        assertTrue(aspect > 1 / 3.0 && aspect < 3, lens.getWidth() + " x " + lens.getHeight());
    }

    @Test
    void renderRefusesBadOptions() {
        CliRun bad = CliRun.of("render", "--tokens", "4,5", "--out", dir.toString(), "--format", "gif");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("'gif' is not a format"), bad.err());
        CliRun token = CliRun.of("render", "--tokens", "4,50", "--out", dir.toString());
        assertEquals(1, token.exit());
        assertEquals("gtlens: Sequence 0 has token 50 at position 1, outside the vocabulary 0..9.", token.errorLine());
    }

    @Test
    void demoWritesFiguresAndTablesAndPrintsPredictions() throws Exception {
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("next token:") && run.out().contains("depth:       2"), run.out());
        for (String name : NAMES) {
            assertTrue(Files.size(out.resolve(name + ".png")) > 1000, name);
        }
        assertTrue(Files.readString(out.resolve("predictions.csv")).contains("\"4,5,5,5,4\""));
        assertTrue(Files.lines(out.resolve("representations.csv")).count() > 400);
    }

    @Test
    void benchPrintsTheFiguresItPromises() {
        CliRun run = CliRun.of("bench", "--json", "--quick", "--no-python", "--heap-sequences", "0");
        assertEquals(0, run.exit(), run.err());
        JsonObject json = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        JsonObject extract = json.getAsJsonObject("extract_seq_per_s");
        assertTrue(extract.get("1").getAsDouble() > 0 && extract.get("1024").getAsDouble() > 0, run.out());
        assertTrue(json.get("render_six_figures_ms").getAsDouble() > 0, run.out());
        JsonObject e2e = json.getAsJsonObject("end_to_end_seq_per_s");
        JsonObject rows = json.getAsJsonObject("end_to_end_rows_per_s");
        assertTrue(e2e.get("all_kinds").getAsDouble() > 0, run.out());
        // 490 long rows per sequence of the default model with all kinds, 150 with attention alone
        assertEquals(490, rows.get("all_kinds").getAsDouble() / e2e.get("all_kinds").getAsDouble(), 0.5, run.out());
        assertEquals(150, rows.get("attention_only").getAsDouble() / e2e.get("attention_only").getAsDouble(), 0.5,
                run.out());
        JsonObject noDisk = json.getAsJsonObject("end_to_end_seq_per_s_without_disk");
        assertTrue(noDisk.get("all_kinds").getAsDouble() > 0 && noDisk.get("attention_only").getAsDouble() > 0,
                run.out());
        assertTrue(json.get("end_to_end_disk_mb_per_s_all_kinds").getAsDouble() > 0, run.out());
        assertTrue(json.get("disk_write_mb_per_s_same_size").getAsDouble() > 0, run.out());
        assertEquals("--no-python", json.get("torch_skipped").getAsString());
    }
}
