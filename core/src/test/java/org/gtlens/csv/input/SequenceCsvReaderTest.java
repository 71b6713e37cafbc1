package org.gtlens.csv.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.gtlens.repr.TextTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blank lines are skipped and count toward no row's length, whatever their number; a quote never closed is still
 * refused as a row running on; and every sentence about a row names the line it starts on as a text editor counts,
 * after quoted line breaks and blank lines.
 */
class SequenceCsvReaderTest {

    /** More blank lines than one row may be long. */
    private static final int MANY = LengthLimit.MAX_LINE_CHARS + (1 << 20);

    @TempDir
    Path dir;

    @Test
    void blankLinesBetweenTheHeaderAndARowAreSkipped() throws Exception {
        for (String blank : List.of("\n", "\r\n", "\r")) {
            Path file = write("tokens" + blank, blank, MANY / blank.length(), "\"4,5\"" + blank + "6" + blank);
            try (SequenceCsvReader reader = new SequenceCsvReader(file, null)) {
                assertArrayEquals(new int[] {4, 5}, reader.next().tokens(), printable(blank));
                assertArrayEquals(new int[] {6}, reader.next().tokens(), printable(blank));
                assertNull(reader.next(), printable(blank));
            }
        }
    }

    @Test
    void blankLinesBeforeTheEndAreSkipped() throws Exception {
        Path file = write("tokens\n4\n", "\n", MANY, "");
        try (SequenceCsvReader reader = new SequenceCsvReader(file, null)) {
            assertArrayEquals(new int[] {4}, reader.next().tokens());
            assertNull(reader.next());
        }
    }

    @Test
    void aQuoteNeverClosedIsStillARowRunningOnFromItsLine() throws Exception {
        Path file = write("tokens\n\n\n\"4,5\n", "1 2 3 4 5 6 7 8\n", MANY / 16, "");
        try (SequenceCsvReader reader = new SequenceCsvReader(file, null)) {
            String says = assertThrows(GtLensException.class, reader::next).getMessage();
            assertTrue(says.contains("has a row running on from line 4 for more than 4194304 characters")
                    && says.contains("a closing quote is probably missing"), says);
        }
    }

    @Test
    void aHeaderAfterBlankLinesIsNamedByItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("in.csv"), "\n\n\nid,,tokens\na,,\"4,5\"\n");
        String says = assertThrows(GtLensException.class, () -> new SequenceCsvReader(file, "tokens")).getMessage();
        assertEquals("Input file in.csv line 4, field 2 has no column name; every column of the header needs one.",
                says);
        Path twice = Files.writeString(dir.resolve("twice.csv"), "\r\n\r\nclean,clean\r\n4,5\r\n");
        says = assertThrows(GtLensException.class, () -> PairCsvReader.read(twice, "clean", "clean", null, null,
                null)).getMessage();
        assertTrue(says.startsWith("Input file twice.csv line 3 names column 'clean' twice"), says);
    }

    @Test
    void aBadRowAfterAQuotedLineBreakIsNamedByItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("in.csv"), "id,tokens\na,\"4,\n5\"\n\nb,\"4,x\"\n");
        try (SequenceCsvReader reader = new SequenceCsvReader(file, "tokens")) {
            assertArrayEquals(new int[] {4, 5}, reader.next().tokens());
            String says = assertThrows(GtLensException.class, reader::next).getMessage();
            assertTrue(says.startsWith("Input file in.csv line 5, column 'tokens': sequence 1"), says);
        }
    }

    @Test
    void aRowOfTheWrongWidthIsNamedByItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("in.csv"), "a,b\r\n\"1\r\n\",2\r\n\r\n4\r\n");
        try (SequenceCsvReader reader = new SequenceCsvReader(file, null)) {
            reader.next();
            String says = assertThrows(GtLensException.class, reader::next).getMessage();
            assertTrue(says.startsWith("Input file in.csv line 5 has 1 field but the header names 2 columns"), says);
        }
    }

    @Test
    void textThatTheVocabularyCannotExpressIsNamedByItsOwnLine() throws Exception {
        ModelInfo letters = new ModelInfo("letters", 4, 1, 1, 16, 3, List.of("a", "b", "c"), Scaling.HEAD, "", false,
                0);
        Path file = Files.writeString(dir.resolve("in.csv"), "id,text\n\"x\ny\",ab\n\n\nz,abz\n");
        try (SequenceCsvReader reader = new SequenceCsvReader(file, "text", null, TextTokens.of(letters))) {
            reader.next();
            String says = assertThrows(GtLensException.class, reader::next).getMessage();
            assertTrue(says.startsWith("Input file in.csv line 6, column 'text': sequence 1 has 'z'"), says);
        }
    }

    @Test
    void aBadPairAfterAQuotedLineBreakIsNamedByItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("pairs.csv"), "clean,corrupted\n\"4,\n5\",\"4,6\"\n\"4,4\",\"4,y\"\n");
        String says = assertThrows(GtLensException.class, () -> PairCsvReader.read(file, "clean", "corrupted", null,
                null, null)).getMessage();
        assertTrue(says.startsWith("Input file pairs.csv line 4, column 'corrupted': sequence 1"), says);
    }

    /** A prefix, {@code count} times {@code unit} and a suffix, streamed to a file. */
    private Path write(String prefix, String unit, int count, String suffix) throws Exception {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(prefix);
            String chunk = unit.repeat(1 << 12);
            for (int i = 0; i < count / (1 << 12); i++) {
                w.write(chunk);
            }
            w.write(unit.repeat(count % (1 << 12)));
            w.write(suffix);
        }
        return file;
    }

    private static String printable(String lineBreak) {
        return lineBreak.replace("\r", "CR").replace("\n", "LF");
    }
}
