package org.gtlens.csv.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;
import org.gtlens.table.FloatText;
import org.gtlens.table.Layouts;
import org.gtlens.table.Tables;

/**
 * The one writer of the long layout as CSV: it walks a batch as {@link Layouts} does and encodes straight to UTF-8
 * bytes at the rate a long table needs (hundreds of rows per sequence). Every field but the value repeats: the part of
 * a line from the column index to the column label depends only on the sequence's tokens, so it is assembled once
 * per sequence and kind (for the selected rows) and copied for every block and head. Quoting of ids and labels is
 * commons-csv's (ids of letters and digits, which it leaves as they are, skip it). Text is handed on in pieces of
 * bounded size when a sink is given, so a sequence of any size streams. Not thread-safe: one encoder per thread.
 */
final class LongCsvEncoder {

    /** The CSV dialect of every table: commons-csv's default with Unix line ends. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final int MAX_QUOTED_CACHE = 4096;

    private final Selection selection;
    private final byte[][] kindNames = new byte[Kind.values().length][];
    /** Per kind: the line middles ("col,row_label,col_label,") of the current sequence's selected rows. */
    private final ByteText[] middles = new ByteText[Kind.values().length];
    private final int[][] middleStarts = new int[Kind.values().length][];
    private final Sequence[] middlesOf = new Sequence[Kind.values().length];
    private final Map<String, byte[]> quoted = new HashMap<>();
    private byte[] prefix = new byte[256];
    private int[] cols = new int[16];
    private Sequence idOf;
    private byte[] id;

    LongCsvEncoder(Selection selection) {
        this.selection = selection;
        for (Kind kind : Kind.values()) {
            kindNames[kind.ordinal()] = (kind.contractName() + ",").getBytes(StandardCharsets.UTF_8);
            middles[kind.ordinal()] = new ByteText();
        }
    }

    /** The header line. */
    static byte[] header() {
        return (FORMAT.format((Object[]) Tables.LONG.keys()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the rows of the batch's sequences {@code from} (inclusive) to {@code to} (exclusive). */
    void encode(BatchResult batch, int from, int to, ByteText out) {
        try {
            encode(batch, from, to, out, null, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new IllegalStateException("no sink, no I/O", e);
        }
    }

    /**
     * Appends the rows of sequences {@code from} to {@code to}; whenever the text passes {@code flushAt} bytes it is
     * written to {@code sink} and cleared, so memory stays bounded however large one sequence is.
     */
    void encode(BatchResult batch, int from, int to, ByteText out, OutputStream sink, long flushAt)
            throws IOException {
        ModelInfo info = batch.info();
        Layouts.forEachMatrix(batch, selection, from, to, (sequence, block, head, kind, m, rows, rowLabels,
                colLabels) -> {
            if (sequence != idOf) {
                id = idField(sequence.id());
                idOf = sequence;
            }
            if (middlesOf[kind.ordinal()] != sequence) {
                buildMiddles(kind, rows, rowLabels, colLabels);
                middlesOf[kind.ordinal()] = sequence;
            }
            int prefixLength = matrixPrefix(id, block, head, kind);
            if (cols.length < m.cols()) {
                cols = new int[m.cols()];
            }
            for (int i = 0; i < rows.length; i++) {
                encodeRow(m, kind, rows[i], i, prefixLength, out);
                if (sink != null && out.length >= flushAt) {
                    out.writeTo(sink);
                    out.clear();
                }
            }
        });
        if (info == null) {
            throw new IllegalStateException();
        }
    }

    /** The id as a CSV field with its comma: ids of letters and digits as they are, others quoted by commons-csv. */
    private static byte[] idField(String id) {
        boolean plain = !id.isEmpty();
        for (int i = 0; i < id.length() && plain; i++) {
            char c = id.charAt(i);
            plain = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        return ((plain ? id : FORMAT.format(id)) + ",").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes "id,block,head,kind," into the prefix buffer; returns its length. */
    private int matrixPrefix(byte[] id, int block, int head, Kind kind) {
        byte[] name = kindNames[kind.ordinal()];
        if (prefix.length < id.length + name.length + 48) {
            prefix = new byte[2 * (id.length + name.length + 48)];
        }
        System.arraycopy(id, 0, prefix, 0, id.length);
        int p = writeInt(block, prefix, id.length);
        prefix[p++] = ',';
        if (head >= 0) {
            p = writeInt(head, prefix, p);
        }
        prefix[p++] = ',';
        System.arraycopy(name, 0, prefix, p, name.length);
        return p + name.length;
    }

    /** The kept cells of row {@code r}, the {@code i}-th selected row, one line each. */
    private void encodeRow(Matrix m, Kind kind, int r, int i, int prefixLength, ByteText out) {
        ByteText middle = middles[kind.ordinal()];
        int[] starts = middleStarts[kind.ordinal()];
        int n = selection.columns(kind, m, r, cols);
        int width = m.cols();
        float[] data = m.data();
        int rowOffset = m.offset() + r * width;
        byte[] pre = prefix;
        byte[] mid = middle.bytes;
        int rowPrefixLength = writeInt(r, pre, prefixLength);
        pre[rowPrefixLength++] = ',';
        long longestMiddle = starts[(i + 1) * width] - starts[i * width];
        out.reserve(n * (long) (rowPrefixLength + FloatText.MAX_LENGTH + 1) + longestMiddle + FloatText.ROOM);
        byte[] buf = out.bytes;
        int pos = out.length;
        for (int j = 0; j < n; j++) {
            int c = cols[j];
            System.arraycopy(pre, 0, buf, pos, rowPrefixLength);
            pos += rowPrefixLength;
            int start = starts[i * width + c];
            int len = starts[i * width + c + 1] - start;
            System.arraycopy(mid, start, buf, pos, len);
            pos += len;
            pos = FloatText.write(data[rowOffset + c], buf, pos);
            buf[pos++] = '\n';
        }
        out.length = pos;
    }

    /** Assembles "col,row_label,col_label," for every cell of the selected rows of a {@code kind} matrix. */
    private void buildMiddles(Kind kind, int[] rows, String[] rowLabels, String[] colLabels) {
        int k = kind.ordinal();
        int cells = rows.length * colLabels.length;
        if (middleStarts[k] == null || middleStarts[k].length < cells + 1) {
            middleStarts[k] = new int[cells + 1];
        }
        int[] starts = middleStarts[k];
        ByteText middle = middles[k];
        middle.clear();
        byte[][] quotedCols = new byte[colLabels.length][];
        for (int c = 0; c < colLabels.length; c++) {
            quotedCols[c] = quote(colLabels[c]);
        }
        int i = 0;
        for (int r : rows) {
            byte[] row = quote(rowLabels[r]);
            for (int c = 0; c < colLabels.length; c++) {
                starts[i++] = middle.length;
                middle.reserve(12 + row.length + quotedCols[c].length);
                middle.length = writeInt(c, middle.bytes, middle.length);
                middle.bytes[middle.length++] = ',';
                middle.append(row);
                middle.append(quotedCols[c]);
            }
        }
        starts[i] = middle.length;
    }

    /** The label as commons-csv quotes it, followed by a comma, in UTF-8; cached, as labels repeat. */
    private byte[] quote(String label) {
        byte[] bytes = quoted.get(label);
        if (bytes == null) {
            if (quoted.size() >= MAX_QUOTED_CACHE) {
                quoted.clear();
            }
            bytes = (FORMAT.format(label) + ",").getBytes(StandardCharsets.UTF_8);
            quoted.put(label, bytes);
        }
        return bytes;
    }

    /** Writes a non-negative int in decimal; returns the position after it. */
    static int writeInt(int value, byte[] buf, int pos) {
        if (value < 10) {
            buf[pos] = (byte) ('0' + value);
            return pos + 1;
        }
        int len = 1;
        for (int v = value / 10; v > 0; v /= 10) {
            len++;
        }
        int end = pos + len;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }
}
