package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences typed as text: --text and --input --as text read the same tokens through the model's vocabulary, the
 * predictions name tokens by their labels, and a character the vocabulary lacks is one sentence naming it.
 */
class TextInputTest {

    @TempDir
    Path dir;

    /** The built-in model with the letters a..j as its vocabulary (token ids 0..9). */
    private Path letters() throws Exception {
        byte[] model = Files.readAllBytes(Project.models("gtransformer.onnx"));
        byte[] relabelled = OnnxBytes.withMetadata(model, java.util.Map.of("gtlens.contract", "2", "gtlens.k", "6",
                "gtlens.heads", "3", "gtlens.depth", "2", "gtlens.t", "5", "gtlens.num_tokens", "10", "gtlens.vocab",
                "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]"));
        return Files.write(dir.resolve("letters.onnx"), relabelled);
    }

    @Test
    void textOnTheCommandLineAndInACsvGiveTheSameTokens() throws Exception {
        Path model = letters();
        Path given = dir.resolve("given");
        CliRun run = CliRun.of("extract", "--model", model.toString(), "--text", "efffe", "--text", "abc", "--kinds",
                "attention", "--out", given.toString());
        assertEquals(0, run.exit(), run.err());
        Path csv = Files.writeString(dir.resolve("text.csv"), "text\nefffe\nabc\n");
        Path read = dir.resolve("read");
        run = CliRun.of("extract", "--model", model.toString(), "--input", csv.toString(), "--as", "text", "--kinds",
                "attention", "--out", read.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> a = CsvRecords.read(given.resolve("predictions.csv"));
        List<CSVRecord> b = CsvRecords.read(read.resolve("predictions.csv"));
        assertEquals("4,5,5,5,4", a.get(0).get("tokens"));
        assertEquals("0,1,2", a.get(1).get("tokens"));
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).toMap(), b.get(i).toMap());
        }
        // the label of the predicted token is the vocabulary's
        int next = Integer.parseInt(a.get(0).get("next_token"));
        assertEquals(Character.toString('a' + next), a.get(0).get("next_label"));
        String[] predicted = a.get(0).get("predicted_tokens").split(" ");
        String[] labels = a.get(0).get("predicted_labels").split(" ");
        assertEquals(predicted.length, labels.length);
        for (int i = 0; i < predicted.length; i++) {
            assertEquals(Character.toString('a' + Integer.parseInt(predicted[i])), labels[i], "position " + i);
        }
        assertEquals(Files.readString(given.resolve("representations.csv")),
                Files.readString(read.resolve("representations.csv")));
    }

    @Test
    void aCharacterTheVocabularyLacksIsOneSentence() throws Exception {
        Path model = letters();
        CliRun run = CliRun.of("extract", "--model", model.toString(), "--text", "abz", "--out",
                dir.resolve("x").toString());
        assertEquals(1, run.exit());
        assertEquals("gtlens: --text 'abz' (sequence 0) has 'z' (U+007A) at character 2, which the model's vocabulary "
                + "cannot express.", run.errorLine());
        Path csv = Files.writeString(dir.resolve("bad.csv"), "text\nabc\nab\u00e9\n");
        run = CliRun.of("extract", "--model", model.toString(), "--input", csv.toString(), "--as", "text", "--out",
                dir.resolve("y").toString());
        assertEquals(1, run.exit());
        assertTrue(run.errorLine().contains("bad.csv line 3, column 'text': sequence 1 has 'é' (U+00E9) at character "
                + "2"), run.errorLine());
        run = CliRun.of("extract", "--model", model.toString(), "--text", "abcdefghij", "--out",
                dir.resolve("z").toString());
        assertTrue(run.errorLine().contains("10") && run.errorLine().contains("5"), run.errorLine());
        run = CliRun.of("extract", "--tokens", "1,2", "--as", "text", "--out", dir.resolve("w").toString());
        assertEquals(2, run.exit());
        assertTrue(run.errorLine().contains("--as text needs --input"), run.errorLine());
    }

    /** patch reads pairs as text too: on the command line and in a CSV, the tables of the same pairs as ids. */
    @Test
    void patchReadsPairsAsText() throws Exception {
        Path model = letters();
        Path ids = dir.resolve("ids");
        CliRun run = CliRun.of("patch", "--model", model.toString(), "--clean", "4,5,5,5,4", "--corrupted",
                "4,5,5,5,5", "--clean", "0,1,2", "--corrupted", "0,1,3", "--out", ids.toString());
        assertEquals(0, run.exit(), run.err());
        Path given = dir.resolve("given");
        run = CliRun.of("patch", "--model", model.toString(), "--as", "text", "--clean", "efffe", "--corrupted",
                "effff", "--clean", "abc", "--corrupted", "abd", "--out", given.toString());
        assertEquals(0, run.exit(), run.err());
        Path csv = Files.writeString(dir.resolve("pairs.csv"), "clean,corrupted\nefffe,effff\nabc,abd\n");
        Path read = dir.resolve("read");
        run = CliRun.of("patch", "--model", model.toString(), "--as", "text", "--input", csv.toString(),
                "--clean-column", "clean", "--corrupted-column", "corrupted", "--out", read.toString());
        assertEquals(0, run.exit(), run.err());
        for (String table : List.of(PatchCommand.TABLE, PatchCommand.PAIRS)) {
            String expected = Files.readString(ids.resolve(table));
            assertTrue(expected.lines().count() > 2, table);
            assertEquals(expected, Files.readString(given.resolve(table)), table);
            assertEquals(expected, Files.readString(read.resolve(table)), table);
        }
        run = CliRun.of("patch", "--model", model.toString(), "--as", "text", "--clean", "abz", "--corrupted", "abc",
                "--out", dir.resolve("refused").toString());
        assertEquals(1, run.exit());
        assertEquals("gtlens: --clean 'abz' (sequence 0) has 'z' (U+007A) at character 2, which the model's "
                + "vocabulary cannot express.", run.errorLine());
    }
}
