package org.gtlens.table;

import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.gtlens.model.Kind;
import org.gtlens.repr.Sequence;

/**
 * Streams the long layout to CSV: one line per value, written as it arrives. Quoting is commons-csv's; because
 * consecutive values share their sequence, block, head, kind, row and labels, those fields are quoted once per
 * matrix row and reused, which keeps a table of hundreds of millions of values fast to write.
 */
public final class CsvLongWriter implements LongRowSink, AutoCloseable {

    /** The columns, in order. */
    public static final String[] HEADER = {"sequence", "block", "head", "kind", "row", "col", "row_label",
        "col_label", "value"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Writer out;
    private final Map<String, String> quotedLabels = new IdentityHashMap<>();
    private final StringBuilder line = new StringBuilder(128);
    private Sequence lastSequence;
    private int lastBlock = -1;
    private int lastHead = -2;
    private Kind lastKind;
    private int lastRow = -1;
    private String rowPrefix;
    private String quotedRowLabel;

    public CsvLongWriter(Writer out) throws IOException {
        this.out = out;
        out.write(FORMAT.format((Object[]) HEADER));
        out.write('\n');
    }

    @Override
    public void row(Sequence sequence, int block, int head, Kind kind, int row, int col, String rowLabel,
            String colLabel, float value) throws IOException {
        if (sequence != lastSequence) {
            quotedLabels.clear();
        }
        if (sequence != lastSequence || block != lastBlock || head != lastHead || kind != lastKind || row != lastRow) {
            rowPrefix = FORMAT.format(sequence.id(), block, head < 0 ? "" : Integer.toString(head),
                    kind.contractName(), row) + ",";
            quotedRowLabel = FORMAT.format(rowLabel);
            lastSequence = sequence;
            lastBlock = block;
            lastHead = head;
            lastKind = kind;
            lastRow = row;
        }
        String quotedColLabel = quotedLabels.computeIfAbsent(colLabel, FORMAT::format);
        line.setLength(0);
        line.append(rowPrefix).append(col).append(',').append(quotedRowLabel).append(',').append(quotedColLabel)
                .append(',').append(value).append('\n');
        out.append(line);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
