package org.gtlens.cli;

import java.io.PrintWriter;

import org.gtlens.GtLensException;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;

/**
 * The one rule for a selection that selects nothing (README, "Selection"): {@code --positions} that a sequence does
 * not have. When the selection keeps no position of any sequence the run stops with one sentence and writes nothing;
 * when it keeps nothing of some sequences, the run goes on and says at the end, in one warning line, how many and
 * which was the first.
 */
final class EmptySelection {

    private final Selection selection;
    private final String positionsText;
    private long sequences;
    private long empty;
    private Sequence firstEmpty;
    private int longest;

    EmptySelection(Selection selection, String positionsText) {
        this.selection = selection;
        this.positionsText = positionsText;
    }

    /** Refuses one sequence of which the selection keeps no position (render, the explorer's first figure). */
    static void requireRows(Selection selection, String positionsText, Sequence sequence) throws GtLensException {
        if (selection.rows(sequence.length()).length == 0) {
            throw new GtLensException(nothing(positionsText, sequence) + "; nothing is drawn.");
        }
    }

    private static String nothing(String positionsText, Sequence s) {
        return "--positions " + OptionValues.shorten(positionsText) + " selects no position of sequence " + s.id()
                + ", which has " + s.length() + " token" + (s.length() == 1 ? "" : "s") + " (positions 0.."
                + (s.length() - 1) + ")";
    }

    /**
     * The items of {@code source}, watched: at its end, when no sequence kept a position, the source fails (so the
     * run writes nothing); when some kept none, one warning line goes to {@code err}.
     */
    <T> Extractor.ItemSource<T> watch(Extractor.ItemSource<T> source, PrintWriter err) {
        return () -> {
            Item<T> item = source.next();
            if (item != null) {
                Sequence s = item.sequence();
                sequences++;
                longest = Math.max(longest, s.length());
                if (selection.rows(s.length()).length == 0) {
                    empty++;
                    if (firstEmpty == null) {
                        firstEmpty = s;
                    }
                }
                return item;
            }
            if (sequences > 0 && empty == sequences) {
                throw new GtLensException("--positions " + OptionValues.shorten(positionsText) + " selects no "
                        + "position of any of the " + sequences + " sequence" + (sequences == 1 ? "" : "s")
                        + " (the longest has " + longest + " token" + (longest == 1 ? "" : "s") + "); nothing is "
                        + "written.");
            }
            if (empty > 0) {
                err.println("gtlens: warning: " + nothing(positionsText, firstEmpty) + ", and of " + (empty - 1)
                        + " more of the " + sequences + " sequences; the tables have no representation rows for them.");
            }
            return null;
        };
    }
}
