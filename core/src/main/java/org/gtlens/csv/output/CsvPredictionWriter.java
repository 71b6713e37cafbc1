package org.gtlens.csv.output;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Prediction;
import org.gtlens.repr.Sequence;
import org.gtlens.table.FloatText;
import org.gtlens.table.PredictionText;
import org.gtlens.table.Tables;

/**
 * Streams one line per sequence: its tokens, the predicted next token after the whole sequence with its label and
 * probability, and the predictions at every position (space separated), the answer most users want first.
 */
public final class CsvPredictionWriter implements AutoCloseable {

    private final CSVPrinter printer;

    public CsvPredictionWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        printer.printRecord((Object[]) Tables.PREDICTIONS.keys());
    }

    /** Writes the prediction of every sequence of the batch. */
    public void write(BatchResult batch) throws IOException {
        ModelInfo info = batch.info();
        for (int s = 0; s < batch.size(); s++) {
            Sequence sequence = batch.sequence(s);
            Prediction p = batch.prediction(s);
            printer.print(sequence.id());
            printer.print(sequence.tokensText());
            printer.print(p.last());
            printer.print(info.tokenLabel(p.last()));
            printer.print(FloatText.toString(p.lastProbability()));
            printer.print(PredictionText.tokens(p));
            printer.print(PredictionText.probabilities(p));
            printer.println();
        }
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
