package org.gtlens.table;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;

/**
 * Encodes the long layout straight to UTF-8 CSV bytes, the same text as {@link CsvLongWriter} gives, at the rate
 * a long table needs (hundreds of rows per sequence). Every field but the value repeats: the part of a line from
 * the column index to the column label depends only on the sequence's tokens, so it is assembled once per sequence
 * and kind and copied for every block and head. Quoting of ids and labels is commons-csv's (ids of letters and
 * digits, which it leaves as they are, skip it). Not thread-safe: one encoder per thread.
 */
final class LongCsvEncoder {

    private static final CSVFormat FORMAT = CsvLongWriter.FORMAT;
    private static final int MAX_QUOTED_CACHE = 4096;

    private final ModelInfo info;
    private final Kind[] kinds;
    private final byte[][] kindNames = new byte[Kind.values().length][];
    /** Per kind: the line middles ("col,row_label,col_label,") of the current sequence, and where each starts. */
    private final ByteText[] middles = new ByteText[Kind.values().length];
    private final int[][] middleStarts = new int[Kind.values().length][];
    private final Map<String, byte[]> quoted = new HashMap<>();
    private byte[] prefix = new byte[256];

    LongCsvEncoder(ModelInfo info, Set<Kind> kinds) {
        this.info = info;
        this.kinds = EnumSet.copyOf(kinds).toArray(new Kind[0]);
        for (Kind kind : this.kinds) {
            kindNames[kind.ordinal()] = (kind.contractName() + ",").getBytes(StandardCharsets.UTF_8);
            middles[kind.ordinal()] = new ByteText();
        }
    }

    /** Appends the rows of the batch's sequences {@code from} (inclusive) to {@code to} (exclusive). */
    void encode(BatchResult batch, int from, int to, ByteText out) {
        for (int s = from; s < to; s++) {
            Sequence sequence = batch.sequence(s);
            int[] tokens = sequence.tokens();
            for (Kind kind : kinds) {
                buildMiddles(kind, tokens);
            }
            byte[] id = idField(sequence.id());
            for (int block = 0; block < info.depth(); block++) {
                for (Kind kind : kinds) {
                    for (int head = 0, heads = kind.perHead() ? info.heads() : 1; head < heads; head++) {
                        int prefixLength = matrixPrefix(id, block, kind.perHead() ? head : -1, kind);
                        encodeMatrix(batch.matrix(s, kind, block, head), kind, prefixLength, out);
                    }
                }
            }
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

    private void encodeMatrix(Matrix m, Kind kind, int prefixLength, ByteText out) {
        ByteText middle = middles[kind.ordinal()];
        int[] starts = middleStarts[kind.ordinal()];
        int rows = m.rows();
        int cols = m.cols();
        float[] data = m.data();
        int offset = m.offset();
        byte[] pre = prefix;
        byte[] mid = middle.bytes;
        out.reserve((long) rows * cols * (prefixLength + 12 + FloatText.MAX_LENGTH + 1) + middle.length
                + FloatText.ROOM);
        byte[] buf = out.bytes;
        int pos = out.length;
        for (int r = 0; r < rows; r++) {
            int rowPrefixLength = writeInt(r, pre, prefixLength);
            pre[rowPrefixLength++] = ',';
            for (int c = 0; c < cols; c++) {
                System.arraycopy(pre, 0, buf, pos, rowPrefixLength);
                pos += rowPrefixLength;
                int i = r * cols + c;
                int start = starts[i];
                int len = starts[i + 1] - start;
                System.arraycopy(mid, start, buf, pos, len);
                pos += len;
                pos = FloatText.write(data[offset + i], buf, pos);
                buf[pos++] = '\n';
            }
        }
        out.length = pos;
    }

    /** Assembles "col,row_label,col_label," for every cell of a {@code kind} matrix of this token sequence. */
    private void buildMiddles(Kind kind, int[] tokens) {
        int k = kind.ordinal();
        String[] rowLabels = kind.rowAxis().labels(info, tokens, tokens.length);
        String[] colLabels = kind.colAxis().labels(info, tokens, tokens.length);
        int cells = rowLabels.length * colLabels.length;
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
        for (String rowLabel : rowLabels) {
            byte[] row = quote(rowLabel);
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
