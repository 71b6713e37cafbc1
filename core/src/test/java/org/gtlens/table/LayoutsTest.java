package org.gtlens.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.csv.output.CsvLongWriter;
import org.gtlens.csv.output.CsvTableWriter;
import org.gtlens.csv.output.ParallelLongCsv;
import org.gtlens.files.AtomicOutput;

/** Long and matrix layouts carry every value with labels a reader understands, for any model shape. */
class LayoutsTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void longLayoutHasOneRowPerValueWithLabels() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            BatchResult batch = new Extractor(model, EnumSet.copyOf(Kind.contract()), 8)
                    .extract(List.of(new Sequence("seed", new int[] {4, 5, 5, 5, 4})));
            StringWriter out = new StringWriter();
            try (CsvLongWriter w = new CsvLongWriter(out)) {
                Layouts.writeLong(batch, Selection.all(EnumSet.copyOf(Kind.contract())), w);
            }
            List<CSVRecord> rows = parse(out.toString());
            // per block: attention h*L*L + 3 * h*L*d + L*k + L*V
            int perBlock = 3 * 25 + 3 * 3 * 5 * 2 + 5 * 6 + 5 * 10;
            assertEquals(2 * perBlock, rows.size());
            CSVRecord first = rows.get(0);
            assertEquals("seed", first.get("sequence"));
            assertEquals("attention", first.get("kind"));
            assertEquals("Out 0: 4", first.get("row_label"));
            assertEquals("In 0: 4", first.get("col_label"));
            assertEquals(batch.matrix(0, Kind.ATTENTION, 0, 0).get(0, 0), Float.parseFloat(first.get("value")));
            CSVRecord lastOut = rows.stream().filter(r -> r.get("kind").equals("out")).reduce((a, b) -> b).get();
            assertEquals("", lastOut.get("head"));
            assertEquals("1", lastOut.get("block"));
            assertEquals("e5", lastOut.get("col_label"));
            CSVRecord lp = rows.get(rows.size() - 1);
            assertEquals("logprobs", lp.get("kind"));
            assertEquals("Pos 4: 4", lp.get("row_label"));
            assertEquals("9", lp.get("col_label"));
            assertEquals(batch.finalLogprobs(0).get(4, 9), Float.parseFloat(lp.get("value")));
            CSVRecord att = rows.stream().filter(r -> r.get("kind").equals("attention") && r.get("block").equals("1")
                    && r.get("head").equals("2") && r.get("row").equals("3") && r.get("col").equals("1")).findFirst()
                    .get();
            assertEquals(batch.matrix(0, Kind.ATTENTION, 1, 2).get(3, 1), Float.parseFloat(att.get("value")));
        }
    }

    @Test
    void parallelLongCsvWritesExactlyWhatOneWriterWrites() throws Exception {
        try (GTransformer model = GTransformer.load(Project.models("second/second.onnx"))) {
            java.util.Random random = new java.util.Random(3);
            List<Sequence> sequences = new java.util.ArrayList<>();
            for (int i = 0; i < 23; i++) {
                int[] tokens = new int[i < 20 ? 7 : 3]; // the last batch is shorter
                for (int p = 0; p < tokens.length; p++) {
                    tokens[p] = random.nextInt(12);
                }
                // plain ids, and ids with a comma and a quote to quote, in UTF-8
                sequences.add(new Sequence(i % 2 == 0 ? "s" + i : "s,\"ü" + i, tokens));
            }
            EnumSet<Kind> kinds = EnumSet.of(Kind.ATTENTION, Kind.KEYS, Kind.LOGPROBS);
            Extractor extractor = new Extractor(model, kinds, 10);
            List<BatchResult> batches = List.of(extractor.extract(sequences.subList(0, 10)),
                    extractor.extract(sequences.subList(10, 20)), extractor.extract(sequences.subList(20, 23)));
            StringWriter expected = new StringWriter();
            try (CsvLongWriter w = new CsvLongWriter(expected)) {
                for (BatchResult b : batches) {
                    Layouts.writeLong(b, Selection.all(kinds), w);
                }
            }
            // whole batches, rounds of about 3 sequences, and sequences too big to hold (streamed)
            long[] rowsOfTen = {0};
            Layouts.writeLong(batches.get(0), Selection.all(kinds), (seq, block, head, kind, row, col, rl, cl, v) -> rowsOfTen[0]++);
            long oneSequence = 64 * rowsOfTen[0] / 10;
            for (long roundBytes : new long[] {ParallelLongCsv.ROUND_BYTES, 3 * oneSequence, 1}) {
                for (int threads : new int[] {1, 2, 3, 5}) {
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    try (ParallelLongCsv w = new ParallelLongCsv(got, model.info(), Selection.all(kinds), threads, roundBytes)) {
                        for (BatchResult b : batches) {
                            w.write(b);
                        }
                    }
                    assertEquals(expected.toString(), got.toString(StandardCharsets.UTF_8),
                            threads + " threads, rounds of " + roundBytes + " bytes");
                }
            }
            assertTrue(expected.toString().contains("\"s,\"\"ü21\""), "ids are quoted");
            assertTrue(expected.toString().contains("\ns22,"), "plain ids are not");
            // and every value reads back as exactly the float extracted, in the documented order
            List<Float> values = new java.util.ArrayList<>();
            for (BatchResult b : batches) {
                Layouts.writeLong(b, Selection.all(kinds), (seq, block, head, kind, row, col, rl, cl, value) -> values.add(value));
            }
            List<CSVRecord> rows = parse(expected.toString());
            assertEquals(values.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(Float.floatToIntBits(values.get(i)),
                        Float.floatToIntBits(Float.parseFloat(rows.get(i).get("value"))), "row " + i);
            }
        }
    }

    @Test
    void aFailingDiskShowsAsAnIOExceptionNotAHang() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            List<Sequence> sequences = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sequences.add(new Sequence("s" + i, new int[] {i % 10, 1, 2, 3, 4}));
            }
            EnumSet<Kind> kinds = EnumSet.copyOf(Kind.contract());
            BatchResult batch = new Extractor(model, kinds, 40).extract(sequences);
            java.io.OutputStream full = new java.io.OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 10_000) {
                        throw new IOException("No space left on device");
                    }
                }
            };
            IOException e = assertThrows(IOException.class, () -> {
                try (ParallelLongCsv w = new ParallelLongCsv(full, model.info(), Selection.all(kinds), 2)) {
                    for (int i = 0; i < 5; i++) {
                        w.write(batch);
                    }
                }
            });
            assertEquals("No space left on device", e.getMessage());
        }
    }

    @Test
    void matrixLayoutUsesVocabLabelsAndPadsNarrowKinds() throws Exception {
        try (GTransformer model = GTransformer.load(Project.models("second/second.onnx"))) {
            BatchResult batch = new Extractor(model, EnumSet.copyOf(Kind.contract()), 8)
                    .extract(List.of(new Sequence("a", new int[] {1, 2, 3}), new Sequence("b", new int[] {3, 2, 1})));
            EnumSet<Kind> kinds = EnumSet.of(Kind.QUERIES, Kind.LOGPROBS);
            int width = Layouts.matrixWidth(model.info(), kinds);
            assertEquals(12, width);
            StringWriter out = new StringWriter();
            try (CsvTableWriter w = new CsvTableWriter(out, Tables.matrix(width))) {
                Layouts.writeMatrix(batch, Selection.all(kinds), (seq, block, head, kind, row, label, m, cols, n) ->
                        w.row(LayoutRows.matrixRow(width, seq, block, head, kind, row, label, m, cols, n)));
            }
            List<CSVRecord> rows = parse(out.toString());
            // per sequence and block: queries h*L rows + logprobs L rows
            assertEquals(2 * 3 * (2 * 3 + 3), rows.size());
            CSVRecord q = rows.get(0);
            assertEquals("queries", q.get("kind"));
            assertEquals("0", q.get("head"));
            assertEquals("", q.get("c4"), "a head has 4 dimensions; the rest is empty");
            assertFalse(q.get("c3").isEmpty());
            String token = model.info().tokenLabel(1);
            assertEquals("Pos 0: " + token, q.get("row_label"));
        }
    }

    @Test
    void predictionsNameTheNextToken() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            BatchResult batch = new Extractor(model, EnumSet.noneOf(Kind.class), 8)
                    .extract(List.of(new Sequence("0", new int[] {4, 5, 5, 5, 4})));
            StringWriter out = new StringWriter();
            try (CsvTableWriter w = new CsvTableWriter(out, Tables.PREDICTIONS)) {
                w.row(PredictionRow.of(model.info(), batch.sequence(0), batch.prediction(0)));
            }
            CSVRecord r = parse(out.toString()).get(0);
            assertEquals("4,5,5,5,4", r.get("tokens"));
            assertEquals(Integer.toString(batch.prediction(0).last()), r.get("next_token"));
            assertEquals(5, r.get("predicted_tokens").split(" ").length);
            float p = Float.parseFloat(r.get("next_probability"));
            assertTrue(p > 0 && p <= 1);
        }
    }

    @Test
    void atomicOutputLeavesNothingUnlessCommitted() throws Exception {
        Path target = dir.resolve("t.csv");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.writer().write("half");
        }
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file is left");
        }
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.writer().write("whole");
            out.commit();
        }
        assertEquals("whole", Files.readString(target));
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.createFile(dir.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                    "the finished file has the permissions of any new file, not owner-only ones");
        }
    }

    @Test
    void readsSequencesInEveryFormat() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "id,seq\nx,\"4,5,5,5,4\"\ny,4 5 5 5 4\nz,[1 2 3]\n");
        try (SequenceCsvReader r = new SequenceCsvReader(a, "seq")) {
            assertEquals("4,5,5,5,4", r.next().tokensText());
            assertEquals("4,5,5,5,4", r.next().tokensText());
            Sequence third = r.next();
            assertEquals("2", third.id());
            assertEquals("1,2,3", third.tokensText());
            assertEquals(null, r.next());
        }
        Path b = Files.writeString(dir.resolve("b.csv"), "t0,t1,t2\n1,2,3\n4,5,6\n");
        try (SequenceCsvReader r = new SequenceCsvReader(b, null)) {
            assertEquals("1,2,3", r.next().tokensText());
            assertEquals("4,5,6", r.next().tokensText());
        }
    }

    @Test
    void refusesBadInputFilesNamingFileLineColumnAndValue() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "seq\n1 2 3\n1 x 3\n");
        try (SequenceCsvReader r = new SequenceCsvReader(bad, "seq")) {
            r.next();
            String msg = assertThrows(org.gtlens.GtLensException.class, r::next).getMessage();
            assertTrue(msg.contains("bad.csv") && msg.contains("line 3") && msg.contains("'seq'")
                    && msg.contains("'x'") && msg.contains("position 1"), msg);
        }
        String missing = assertThrows(org.gtlens.GtLensException.class,
                () -> new SequenceCsvReader(bad, "tokens")).getMessage();
        assertTrue(missing.contains("no column 'tokens'") && missing.contains("seq"), missing);
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertTrue(assertThrows(org.gtlens.GtLensException.class, () -> new SequenceCsvReader(empty, null))
                .getMessage().contains("empty"));
        Path header = Files.writeString(dir.resolve("header.csv"), "seq\n");
        try (SequenceCsvReader r = new SequenceCsvReader(header, null)) {
            assertTrue(assertThrows(org.gtlens.GtLensException.class, r::next).getMessage().contains("no sequences"));
        }
        Path gap = Files.writeString(dir.resolve("gap.csv"), "a,b\n,1\n");
        try (SequenceCsvReader r = new SequenceCsvReader(gap, null)) {
            String msg = assertThrows(org.gtlens.GtLensException.class, r::next).getMessage();
            assertTrue(msg.contains("column 'a'") && msg.contains("empty"), msg);
        }
        assertTrue(assertThrows(org.gtlens.GtLensException.class,
                () -> new SequenceCsvReader(dir.resolve("none.csv"), null)).getMessage().contains("does not exist"));
    }
}
