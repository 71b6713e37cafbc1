package org.gtlens.csv.output;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gtlens.model.Kind;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.gtlens.table.FloatText;
import org.gtlens.table.MatrixRowSink;
import org.gtlens.table.Tables;

/**
 * Streams the matrix layout to CSV: one line per matrix row with columns {@code c0..c(w-1)}; a matrix narrower
 * than {@code w} leaves its remaining cells empty.
 */
public final class CsvMatrixWriter implements MatrixRowSink<IOException>, AutoCloseable {

    private final CSVPrinter printer;
    private final int width;

    /** @param width number of value columns, see {@link Layouts#matrixWidth} */
    public CsvMatrixWriter(Writer out, int width) throws IOException {
        this.width = width;
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        printer.printRecord((Object[]) Tables.matrix(width).keys());
    }

    @Override
    public void row(Sequence sequence, int block, int head, Kind kind, int row, String rowLabel, Matrix matrix,
            int[] cols, int n) throws IOException {
        printer.print(sequence.id());
        printer.print(block);
        printer.print(head < 0 ? "" : Integer.toString(head));
        printer.print(kind.contractName());
        printer.print(row);
        printer.print(rowLabel);
        int next = 0;
        for (int c = 0; c < width; c++) {
            boolean kept = next < n && cols[next] == c;
            printer.print(kept ? FloatText.toString(matrix.get(row, c)) : "");
            next += kept ? 1 : 0;
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
