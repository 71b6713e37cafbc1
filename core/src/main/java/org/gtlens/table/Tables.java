package org.gtlens.table;

import static org.gtlens.table.Column.Type.INTEGER;
import static org.gtlens.table.Column.Type.NUMBER;
import static org.gtlens.table.Column.Type.TEXT;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema of every output table, in one place. Keys are what files and the command line use; titles are what
 * KNIME shows. A table written under keys (a CSV read into KNIME) and one under titles (the node's output) are the
 * same table to every reader, which finds columns by either.
 */
public final class Tables {

    private Tables() {
    }

    /** The sequence a row comes from: the CSV's sequence number, or the KNIME row ID of the input row. */
    public static final Column SEQUENCE = new Column("sequence", "Row ID of source", TEXT);
    public static final Column BLOCK = new Column("block", "Block", INTEGER);
    /** Empty for block-level kinds. */
    public static final Column HEAD = new Column("head", "Head", INTEGER);
    public static final Column KIND = new Column("kind", "Kind", TEXT);
    public static final Column ROW = new Column("row", "Row", INTEGER);
    public static final Column COL = new Column("col", "Column", INTEGER);
    public static final Column ROW_LABEL = new Column("row_label", "Row label", TEXT);
    public static final Column COL_LABEL = new Column("col_label", "Column label", TEXT);
    public static final Column VALUE = new Column("value", "Value", NUMBER);

    /** One row per value. */
    public static final TableSchema LONG = new TableSchema("the long representation table",
            List.of(SEQUENCE, BLOCK, HEAD, KIND, ROW, COL, ROW_LABEL, COL_LABEL, VALUE));

    /** The columns of the matrix layout before its values. */
    public static final TableSchema MATRIX_KEYS = new TableSchema("the matrix representation table",
            List.of(SEQUENCE, BLOCK, HEAD, KIND, ROW, ROW_LABEL));

    /** One row per matrix row: the keys, then {@code c0..c(width-1)} (empty beyond a narrower matrix). */
    public static TableSchema matrix(int width) {
        List<Column> values = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            values.add(new Column("c" + c, "c" + c, NUMBER));
        }
        return MATRIX_KEYS.plus(MATRIX_KEYS.name(), values);
    }

    public static final Column TOKENS = new Column("tokens", "Tokens", TEXT);
    public static final Column NEXT_TOKEN = new Column("next_token", "Predicted next token", INTEGER);
    public static final Column NEXT_LABEL = new Column("next_label", "Predicted next token label", TEXT);
    public static final Column NEXT_PROBABILITY = new Column("next_probability", "Prediction probability", NUMBER);
    public static final Column PREDICTED_TOKENS = new Column("predicted_tokens",
            "Predicted next tokens (per position)", TEXT);
    public static final Column PREDICTED_PROBABILITIES = new Column("predicted_probabilities",
            "Prediction probabilities (per position)", TEXT);
    public static final Column PREDICTED_LABELS = new Column("predicted_labels",
            "Predicted next token labels (per position)", TEXT);

    /**
     * One row per sequence. KNIME appends the columns from {@link #NEXT_TOKEN} on to the input row, which already
     * is the sequence.
     */
    public static final TableSchema PREDICTIONS = new TableSchema("the prediction table",
            List.of(SEQUENCE, TOKENS, NEXT_TOKEN, NEXT_LABEL, NEXT_PROBABILITY, PREDICTED_TOKENS,
                PREDICTED_PROBABILITIES, PREDICTED_LABELS));

    /** The group a row summarises: the value of the group column, or {@link #ALL_GROUP}. */
    public static final Column GROUP = new Column("group", "Group", TEXT);
    public static final Column COUNT = new Column("count", "Count", INTEGER);
    public static final Column MEAN = new Column("mean", "Mean", NUMBER);
    /** Sample standard deviation; empty where the count is 1. */
    public static final Column STD = new Column("std", "Standard deviation", NUMBER);
    public static final Column SCORE = new Column("score", "Score", TEXT);
    public static final Column POSITION = new Column("position", "Position", INTEGER);
    public static final Column STAT = new Column("stat", "Statistic", TEXT);

    /** The group of every sequence when no group column is given. */
    public static final String ALL_GROUP = "all";

    /** The group of sequences whose group cell is empty. */
    public static final String MISSING_GROUP = "(missing)";

    /** The long layout aggregated over sequences: one row per group and cell; labels without tokens. */
    public static final TableSchema AGGREGATED_LONG = new TableSchema("the aggregated representation table",
            List.of(GROUP, BLOCK, HEAD, KIND, ROW, COL, ROW_LABEL, COL_LABEL, COUNT, MEAN, STD));

    /** Head scores per sequence, block and head (docs/contract.md). */
    public static final TableSchema HEAD_SCORES = new TableSchema("the head-score table",
            List.of(SEQUENCE, BLOCK, HEAD, SCORE, VALUE));

    /** Head scores aggregated per group. */
    public static final TableSchema AGGREGATED_HEAD_SCORES = new TableSchema("the aggregated head-score table",
            List.of(GROUP, BLOCK, HEAD, SCORE, COUNT, MEAN, STD));

    /** Logit-lens statistics per sequence, block and position (docs/contract.md). */
    public static final TableSchema LENS_STATS = new TableSchema("the logit-lens table",
            List.of(SEQUENCE, BLOCK, POSITION, STAT, VALUE));

    /** Logit-lens statistics aggregated per group. */
    public static final TableSchema AGGREGATED_LENS_STATS = new TableSchema("the aggregated logit-lens table",
            List.of(GROUP, BLOCK, POSITION, STAT, COUNT, MEAN, STD));

    public static final Column METRIC = new Column("metric", "Metric", TEXT);

    /** Head ablation per sequence, block and head: one row per metric (docs/contract.md, "Head ablation"). */
    public static final TableSchema ABLATION = new TableSchema("the head-ablation table",
            List.of(SEQUENCE, BLOCK, HEAD, METRIC, VALUE));

    /** Head ablation aggregated per group: mean and standard deviation of each metric. */
    public static final TableSchema AGGREGATED_ABLATION = new TableSchema("the aggregated head-ablation table",
            List.of(GROUP, BLOCK, HEAD, METRIC, COUNT, MEAN, STD));

    /** The pair a patching row comes from: its number in the input (from 0), or the KNIME row ID. */
    public static final Column PAIR = new Column("pair", "Pair", TEXT);
    public static final Column SITE = new Column("site", "Site", TEXT);

    /**
     * Activation patching per pair and site: the share of the clean prediction restored (docs/contract.md,
     * "Activation patching"); head empty for resid sites, position empty for head sites.
     */
    public static final TableSchema PATCHING = new TableSchema("the patching table",
            List.of(PAIR, SITE, BLOCK, HEAD, POSITION, VALUE));

    /** Activation patching aggregated per group and site. */
    public static final TableSchema AGGREGATED_PATCHING = new TableSchema("the aggregated patching table",
            List.of(GROUP, SITE, BLOCK, HEAD, POSITION, COUNT, MEAN, STD));

    public static final Column CLEAN_TOKENS = new Column("clean_tokens", "Clean tokens", TEXT);
    public static final Column CORRUPTED_TOKENS = new Column("corrupted_tokens", "Corrupted tokens", TEXT);
    public static final Column ANSWER = new Column("answer", "Answer", INTEGER);
    public static final Column ANSWER_LABEL = new Column("answer_label", "Answer label", TEXT);
    public static final Column WRONG = new Column("wrong", "Wrong token", INTEGER);
    public static final Column WRONG_LABEL = new Column("wrong_label", "Wrong token label", TEXT);
    public static final Column CLEAN_METRIC = new Column("clean_metric", "Clean metric", NUMBER);
    public static final Column CORRUPTED_METRIC = new Column("corrupted_metric", "Corrupted metric", NUMBER);

    /** One row per pair: the tokens the metric compares and the metric of the two plain runs. */
    public static final TableSchema PAIRS = new TableSchema("the pair table", List.of(PAIR, CLEAN_TOKENS,
            CORRUPTED_TOKENS, ANSWER, ANSWER_LABEL, WRONG, WRONG_LABEL, CLEAN_METRIC, CORRUPTED_METRIC));
}
