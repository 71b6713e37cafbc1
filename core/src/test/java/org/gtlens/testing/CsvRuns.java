package org.gtlens.testing;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

import org.gtlens.csv.output.CsvTables;
import org.gtlens.repr.Extractor;
import org.gtlens.run.Output;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.runtime.GTransformer;

/** A run of the command line's kind, into CSV files in a folder, for tests of the files' content. */
public final class CsvRuns {

    private CsvRuns() {
    }

    /** The representations, and with {@code summary} the summary tables too. */
    public static Set<Output> outputs(boolean summary) {
        return summary ? Set.of(Output.values()) : Set.of(Output.REPRESENTATIONS);
    }

    /** Runs the job over items whose origin is their group (null: one group) into {@code dir}. */
    public static long write(GTransformer model, TableJob job, Extractor.ItemSource<String> input, Path dir)
            throws Exception {
        return CsvTables.write(new TableRun<>(job, model, Function.identity()), job, input, dir,
                Extractor.ProgressListener.NONE, () -> false);
    }
}
