package org.gtlens.table;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gtlens.model.Kind;
import org.gtlens.repr.Sequence;

/** Streams the long layout to CSV: one line per value, written as it arrives. */
public final class CsvLongWriter implements LongRowSink, AutoCloseable {

    /** The columns, in order. */
    public static final String[] HEADER = {"sequence", "block", "head", "kind", "row", "col", "row_label",
        "col_label", "value"};

    private final CSVPrinter printer;

    public CsvLongWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        printer.printRecord((Object[]) HEADER);
    }

    @Override
    public void row(Sequence sequence, int block, int head, Kind kind, int row, int col, String rowLabel,
            String colLabel, float value) throws IOException {
        printer.print(sequence.id());
        printer.print(block);
        printer.print(head < 0 ? "" : Integer.toString(head));
        printer.print(kind.contractName());
        printer.print(row);
        printer.print(col);
        printer.print(rowLabel);
        printer.print(colLabel);
        printer.print(Float.toString(value));
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
