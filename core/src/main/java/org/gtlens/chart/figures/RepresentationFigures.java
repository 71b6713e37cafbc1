package org.gtlens.chart.figures;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.data.MatrixSource;

/**
 * The notebook's six figures of one sequence, for any contract model: attention maps, query, key and value matrices
 * (blocks as rows, heads as columns), out matrices and next-token probabilities (one panel per block). Tick labels
 * carry the token at each position and the model's vocabulary; only the kinds that were extracted are built.
 */
public final class RepresentationFigures {

    /** Kinds in drawing order (the notebook's six, then rollout). */
    private static final Kind[] ORDER = {Kind.ATTENTION, Kind.QUERIES, Kind.KEYS, Kind.VALUES, Kind.OUT,
        Kind.LOGPROBS, Kind.ROLLOUT};

    /** Block-level figures put at most this many panels in a row. */
    static final int MAX_BLOCKS_PER_ROW = 6;
    /** Width to height ratio (in cells) that block-level figures aim for: a landscape page or screen. */
    static final double TARGET_ASPECT = 1.5;

    private RepresentationFigures() {
    }

    /** The figures of sequence {@code seq} of a batch, for every contract kind the batch holds. */
    public static List<Figure> build(BatchResult batch, int seq) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.contract()) {
            if (batch.has(k)) {
                kinds.add(k);
            }
        }
        return build(batch.info(), batch.sequence(seq).tokens(), kinds,
                (kind, block, head) -> batch.matrix(seq, kind, block, head));
    }

    /** The figures of one sequence for the given kinds, with matrices taken from {@code source}. */
    public static List<Figure> build(ModelInfo info, int[] tokens, Set<Kind> kinds, MatrixSource source) {
        return build(info, tokens, kinds, source, Selection.all(kinds));
    }

    /**
     * The figures of one sequence for the given kinds, restricted to a selection's blocks, heads and positions (rows
     * of every matrix), with matrices taken from {@code source}.
     */
    public static List<Figure> build(ModelInfo info, int[] tokens, Set<Kind> kinds, MatrixSource source,
            Selection selection) {
        List<Figure> figures = new ArrayList<>();
        for (Kind kind : ORDER) {
            if (kinds.contains(kind)) {
                figures.add(figure(info, tokens, kind, source, selection));
            }
        }
        return figures;
    }

    /** One figure of every block and head, each cell as its figure kind shows it. */
    public static Figure figure(ModelInfo info, int[] tokens, Kind kind, MatrixSource source) {
        return figure(info, tokens, kind, source, Selection.all(EnumSet.of(kind)));
    }

    /**
     * One figure of the selected blocks, heads and rows. The columns of a causal kind (the keys) end at the last
     * selected row, whose query sees keys up to its own position: beyond it every cell would be masked.
     */
    public static Figure figure(ModelInfo info, int[] tokens, Kind kind, MatrixSource source, Selection selection) {
        int[] rowIndex = selection.rows(tokens.length);
        String[] allRows = kind.rowAxis().labels(info, tokens, tokens.length);
        String[] rowLabels = new String[rowIndex.length];
        for (int i = 0; i < rowIndex.length; i++) {
            rowLabels[i] = allRows[rowIndex[i]];
        }
        List<String> rows = List.of(rowLabels);
        String[] allCols = kind.colAxis().labels(info, tokens, tokens.length);
        int width = rowIndex.length == 0 ? allCols.length : 0;
        for (int row : rowIndex) {
            width = Math.max(width, kind.visibleColumns(row, allCols.length));
        }
        List<String> cols = List.of(allCols).subList(0, width);
        FigureKind drawn = FigureKind.of(kind);
        String title = drawn.displayName() + " · " + sequenceTitle(info, tokens);
        int[] blocks = selection.blocks(info);
        HeatmapGrid grid;
        if (kind.perHead()) {
            int[] heads = selection.heads(info, kind);
            HeatmapPanelData[][] panels = new HeatmapPanelData[blocks.length][heads.length];
            for (int b = 0; b < blocks.length; b++) {
                for (int h = 0; h < heads.length; h++) {
                    panels[b][h] = new HeatmapPanelData("Block " + blocks[b] + " · Head " + heads[h],
                            panelValues(source.matrix(kind, blocks[b], heads[h]), rowIndex, width, drawn), rows, cols);
                }
            }
            grid = HeatmapGrid.of(title, panels, kind.rowAxis().title(), kind.colAxis().title());
        } else {
            List<HeatmapPanelData> panels = new ArrayList<>();
            for (int b : blocks) {
                panels.add(new HeatmapPanelData("Block " + b, panelValues(source.matrix(kind, b, 0), rowIndex, width,
                        drawn), rows, cols));
            }
            grid = HeatmapGrid.wrap(title, panels, blocksPerRow(blocks.length, rows.size(), cols.size()),
                    kind.rowAxis().title(), kind.colAxis().title());
        }
        return new Figure(drawn, grid);
    }

    /**
     * What a panel shows of a matrix, in one copy of its own (so that a figure does not keep a whole batch tensor
     * alive): the given rows and their first {@code cols} columns, each cell as its figure kind shows it
     * ({@link FigureKind#shown}).
     */
    static Matrix panelValues(Matrix m, int[] rowIndex, int cols, FigureKind drawn) {
        float[] v = new float[rowIndex.length * cols];
        for (int i = 0; i < rowIndex.length; i++) {
            int row = rowIndex[i];
            for (int c = 0; c < cols; c++) {
                v[i * cols + c] = (float) drawn.shown(m.get(row, c), row, c);
            }
        }
        return Matrix.of(rowIndex.length, cols, v);
    }

    /** Sequences longer than this are shortened in figure titles. */
    static final int TITLE_TOKENS = 12;

    /** Text longer than this many characters is shortened in figure titles. */
    static final int TITLE_TEXT = 40;

    /**
     * How a figure title names a sequence: "sequence 4,5,5,5,4", or for a long one its length and first tokens
     * ("256 tokens: 68,32,60,..."), so that a title never runs off the figure; for a model that reads text (a byte
     * or character vocabulary) the text itself, in quotes, shortened with an ellipsis.
     */
    public static String sequenceTitle(ModelInfo info, int[] tokens) {
        org.gtlens.repr.TextTokens reader = org.gtlens.repr.TextTokens.of(info);
        if (reader.readsText()) {
            String text = reader.decode(tokens);
            int length = text.codePointCount(0, text.length());
            return length <= TITLE_TEXT ? "\"" + text + "\"" : "\"" + text.substring(0, text.offsetByCodePoints(0,
                    TITLE_TEXT - 1)) + "…\" (" + tokens.length + " tokens)";
        }
        if (tokens.length <= TITLE_TOKENS) {
            return "sequence " + sequenceText(info, tokens);
        }
        return tokens.length + " tokens: " + sequenceText(info, java.util.Arrays.copyOf(tokens, 8)) + ",...";
    }

    /** The tokens as tables write them ("4,5,5,5,4"), with the model's labels when it has them. */
    public static String sequenceText(ModelInfo info, int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            b.append(i == 0 ? "" : ",").append(info.tokenLabel(tokens[i]));
        }
        return b.toString();
    }

    /**
     * Panels per row for {@code depth} panels of {@code rows x cols} cells (the blocks of a figure, or the statistics
     * of the lens figure): balanced rows (6 blocks give 3+3, not 4+2) whose overall shape is closest to
     * {@link #TARGET_ASPECT}, so that neither a wide vocabulary nor a long sequence makes a strip.
     */
    static int blocksPerRow(int depth, int rows, int cols) {
        int best = 1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int gridRows = 1; gridRows <= depth; gridRows++) {
            int perRow = (depth + gridRows - 1) / gridRows;
            if (perRow > MAX_BLOCKS_PER_ROW || (gridRows > 1 && perRow == (depth + gridRows - 2) / (gridRows - 1))) {
                continue;
            }
            double aspect = (double) (perRow * Math.max(1, cols)) / (gridRows * Math.max(1, rows));
            double score = Math.max(aspect / TARGET_ASPECT, TARGET_ASPECT / aspect);
            if (score < bestScore) {
                bestScore = score;
                best = perRow;
            }
        }
        return best;
    }
}
