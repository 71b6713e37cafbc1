package org.gtlens.csv.output;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVPrinter;
import org.gtlens.table.FloatText;
import org.gtlens.table.RowSink;
import org.gtlens.table.TableSchema;

/**
 * Writes any schema's rows as CSV under the schema's keys; numbers as the shortest text of their float32 value, like
 * every table of GT Lens, so a table read back holds the same values.
 */
public final class CsvTableWriter implements RowSink<IOException>, AutoCloseable {

    private final CSVPrinter printer;
    private final int columns;

    public CsvTableWriter(Writer out, TableSchema schema) throws IOException {
        this.printer = new CSVPrinter(out, LongCsvEncoder.FORMAT);
        this.columns = schema.columns().size();
        printer.printRecord((Object[]) schema.keys());
    }

    @Override
    public void row(Object... values) throws IOException {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        for (Object v : values) {
            printer.print(v == null ? "" : v instanceof Double d ? number(d) : v instanceof Float f
                    ? FloatText.toString(f) : v.toString());
        }
        printer.println();
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "" : FloatText.toString((float) d);
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
