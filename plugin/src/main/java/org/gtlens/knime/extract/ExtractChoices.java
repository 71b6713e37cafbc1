package org.gtlens.knime.extract;

import java.util.List;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.table.Layout;

/**
 * The choices of Extract Representations' settings: stable keys, the dialog's labels, labels stored earlier. The
 * sequence modes are shared with the other nodes that read sequences.
 */
public final class ExtractChoices {

    /** Sequence mode: token ids in one column, as text ("4,5,5") or a list of integers. */
    public static final Choice MODE_COLUMN = new Choice("column",
        "Token ids in one column (\"4,5,5,5,4\" or a list of integers)", "One column (text or list of integers)");

    /** Sequence mode: token ids in integer columns, one per position. */
    public static final Choice MODE_COLUMNS = new Choice("columns", "Token ids in integer columns (one per position)",
        "Integer columns (one per position)");

    /** Sequence mode: text in one column, read through the model's vocabulary. */
    public static final Choice MODE_TEXT = new Choice("text",
        "Text in one column (through the model's vocabulary, e.g. \"def main():\")");

    /** The sequence modes of a node that reads one sequence per row. */
    public static final List<Choice> MODES = List.of(MODE_COLUMN, MODE_COLUMNS, MODE_TEXT);

    /** The sequence modes of a node that reads two sequences per row, each in its own column. */
    public static final List<Choice> PAIR_MODES = List.of(MODE_COLUMN, MODE_TEXT);

    static final List<Choice> LAYOUTS = List.of(new Choice(Layout.LONG.key(), "Long: one row per value"),
        new Choice(Layout.MATRIX.key(), "Matrix: one row per matrix row"));

    static final Choice POLICY_FAIL = new Choice("fail", "Fail", "Fail");

    static final Choice POLICY_SKIP = new Choice("skip", "Skip the row with a warning", "Skip the row with a warning");

    static final List<Choice> POLICIES = List.of(POLICY_FAIL, POLICY_SKIP);

    static final Choice AGGREGATE_NONE = new Choice("none", "None: every row's values");

    static final Choice AGGREGATE_ALL = new Choice("all", "Mean over all rows");

    static final Choice AGGREGATE_GROUP = new Choice("group", "Mean per group (value of the group column)");

    static final List<Choice> AGGREGATES = List.of(AGGREGATE_NONE, AGGREGATE_ALL, AGGREGATE_GROUP);

    static final Choice OUTPUT_REPRESENTATIONS = new Choice("representations", "Representations");

    static final Choice OUTPUT_HEAD_SCORES = new Choice("head_scores",
        "Head scores (entropy, previous token, self, first token)");

    static final Choice OUTPUT_LENS_STATS = new Choice("lens_stats",
        "Logit-lens statistics (entropy, KL to final, rank of the final token, top probability)");

    static final List<Choice> OUTPUTS = List.of(OUTPUT_REPRESENTATIONS, OUTPUT_HEAD_SCORES, OUTPUT_LENS_STATS);

    private ExtractChoices() {
    }
}
