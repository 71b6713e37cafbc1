package org.gtlens.csv.output;

import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.gtlens.model.Kind;
import org.gtlens.repr.Sequence;
import org.gtlens.table.FloatText;
import org.gtlens.table.LongRowSink;
import org.gtlens.table.Tables;

/**
 * The tests' oracle for the long CSV: a plain row-at-a-time writer the fast encoder ({@code LongCsvEncoder}) is
 * compared with byte for byte. Streams the long layout to CSV: one line per value, written as it arrives. Quoting is commons-csv's; because
 * consecutive values share their sequence, block, head, kind, row and labels, each label and id is quoted once per
 * sequence and reused, which keeps a table of hundreds of millions of values fast to write. Values are written
 * by {@link FloatText}: the shortest text that reads back as the same float.
 */
public final class CsvLongWriter implements LongRowSink<IOException>, AutoCloseable {

    static final CSVFormat FORMAT = LongCsvEncoder.FORMAT;

    private final Writer out;
    private final Map<String, String> quotedLabels = new IdentityHashMap<>();
    private static final int FLUSH_AT = 1 << 16;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 256);
    private Sequence lastSequence;
    private int lastBlock = -1;
    private int lastHead = -2;
    private Kind lastKind;
    private int lastRow = -1;
    private final StringBuilder prefix = new StringBuilder(64);
    private final byte[] valueText = new byte[FloatText.ROOM];
    private String quotedId;
    private String rowPrefix;
    private String quotedRowLabel;

    /** A writer that starts with the header line. */
    public CsvLongWriter(Writer out) throws IOException {
        this(out, true);
    }

    /** @param header whether to start with the header line (false for a part of a table written elsewhere) */
    public CsvLongWriter(Writer out, boolean header) throws IOException {
        this.out = out;
        if (header) {
            out.write(FORMAT.format((Object[]) Tables.LONG.keys()));
            out.write('\n');
        }
    }

    @Override
    public void row(Sequence sequence, int block, int head, Kind kind, int row, int col, String rowLabel,
            String colLabel, float value) throws IOException {
        if (sequence != lastSequence) {
            quotedLabels.clear();
            quotedId = FORMAT.format(sequence.id());
        }
        if (sequence != lastSequence || block != lastBlock || head != lastHead || kind != lastKind || row != lastRow) {
            prefix.setLength(0);
            prefix.append(quotedId).append(',').append(block).append(',');
            if (head >= 0) {
                prefix.append(head);
            }
            prefix.append(',').append(kind.contractName()).append(',').append(row).append(',');
            rowPrefix = prefix.toString();
            quotedRowLabel = quote(rowLabel);
            lastSequence = sequence;
            lastBlock = block;
            lastHead = head;
            lastKind = kind;
            lastRow = row;
        }
        String quotedColLabel = quote(colLabel);
        buffer.append(rowPrefix).append(col).append(',').append(quotedRowLabel).append(',').append(quotedColLabel)
                .append(',');
        int end = FloatText.write(value, valueText, 0);
        for (int i = 0; i < end; i++) {
            buffer.append((char) valueText[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flushBuffer();
        }
    }

    /** The label as commons-csv quotes it; labels repeat, so each is quoted once per sequence. */
    private String quote(String label) {
        return quotedLabels.computeIfAbsent(label, FORMAT::format);
    }

    private void flushBuffer() throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }

    /** Writes what is buffered and flushes the underlying writer (which stays open). */
    @Override
    public void close() throws IOException {
        flushBuffer();
        out.flush();
    }
}
