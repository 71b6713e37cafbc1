package org.gtlens.cli;

import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What to keep of the representations (blocks, heads, positions), and the memory budget of a batch: shared by the
 * commands that extract, each of which honours every one of them. What only tables have is {@link
 * TableSelectionOptions}.
 */
final class SelectionOptions {

    @Option(names = "--blocks", paramLabel = "LIST", defaultValue = "all",
            description = "Blocks to keep: indices and ranges, plus 'last', e.g. 0,10-11 or last (default: all).")
    String blocks = "all";

    @Option(names = "--heads", paramLabel = "LIST", defaultValue = "all",
            description = "Heads to keep of attention, queries, keys and values, e.g. 0,7 (default: all).")
    String heads = "all";

    @Option(names = "--positions", paramLabel = "LIST", defaultValue = "all",
            description = "Matrix rows (query or output positions) to keep, e.g. last or 0-3,last (default: all).")
    String positions = "all";

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
            description = "Memory budget for the outputs of one batch in MB; batches are made smaller to fit "
                    + "(default: ${DEFAULT-VALUE}).")
    long memoryMb = 512;

    /**
     * The selection of these options for the given kinds, checked against the model.
     *
     * @throws CommandLine.ParameterException (exit 2) naming the option and the index or text that is wrong
     */
    Selection selection(Set<Kind> kinds, ModelInfo info, CommandLine cli) {
        return selection(kinds, info, cli, 0, false);
    }

    /** The same with the options only tables have: --top-k and --keep-masked ({@link TableSelectionOptions}). */
    Selection selection(Set<Kind> kinds, ModelInfo info, CommandLine cli, int topK, boolean keepMasked) {
        Selection s;
        try {
            s = new Selection(kinds, list("--blocks", blocks, cli), list("--heads", heads, cli),
                    list("--positions", positions, cli), topK, keepMasked);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--top-k: " + e.getMessage());
        }
        try {
            s.check(info);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage() + ".");
        }
        return s;
    }

    /** The batch plan: at most {@code batch} sequences within the budget. */
    BatchPlan plan(int batch, CommandLine cli) {
        OptionValues.checkBudget(batch, memoryMb, cli);
        return new BatchPlan(batch, memoryMb << 20, "--memory");
    }

    private static IndexList list(String option, String text, CommandLine cli) {
        return OptionValues.indexList(option, text, cli);
    }
}
