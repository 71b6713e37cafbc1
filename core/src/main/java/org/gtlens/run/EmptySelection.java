package org.gtlens.run;

import java.util.List;
import java.util.function.Consumer;

import org.gtlens.GtLensException;
import org.gtlens.Quoted;
import org.gtlens.causal.PatchPair;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Item;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;

/**
 * The one rule for a selection that selects nothing, in every front end: positions that a sequence (or a pair's clean
 * sequence) does not have.
 * When the selection keeps no position of any sequence the run stops with one sentence and writes nothing; when it
 * keeps nothing of some sequences, the run goes on and says at the end, in one warning, how many and which was the
 * first. Sentences name the setting as the front end calls it ({@code --positions}, {@code Positions}).
 */
public final class EmptySelection {

    private final IndexList kept;
    private final String positions;
    private long sequences;
    private long empty;
    private Sequence firstEmpty;
    private int longest;

    /**
     * @param setting       the positions setting as the front end names it
     * @param positionsText its value as the user gave it
     */
    public EmptySelection(Selection selection, String setting, String positionsText) {
        this(selection.positions(), setting, positionsText);
    }

    private EmptySelection(IndexList kept, String setting, String positionsText) {
        this.kept = kept;
        this.positions = setting + " " + Quoted.shorten(positionsText);
    }

    /** Refuses one sequence of which the selection keeps no position (a figure of one sequence). */
    public static void requireRows(Selection selection, String setting, String positionsText, Sequence sequence)
            throws GtLensException {
        if (selection.rows(sequence.length()).length == 0) {
            throw new GtLensException(nothing(setting + " " + Quoted.shorten(positionsText), sequence)
                    + "; nothing is drawn.");
        }
    }

    private static String nothing(String positions, Sequence s) {
        return positions + " selects no position of sequence " + s.id() + ", which has " + s.length() + " token"
                + (s.length() == 1 ? "" : "s") + " (positions 0.." + (s.length() - 1) + ")";
    }

    /**
     * The rule for the positions of activation patching's residual stream, over the clean sequences of the pairs:
     * positions no pair has stop the run before anything is written; positions some pairs lack give a warning.
     *
     * @return the warning, or null when every pair has a position selected
     * @throws GtLensException when no pair has one
     */
    public static String ofPairs(IndexList positions, String setting, String positionsText, List<PatchPair> pairs)
            throws GtLensException {
        EmptySelection seen = new EmptySelection(positions, setting, positionsText);
        for (PatchPair p : pairs) {
            seen.see(new Sequence(p.id(), p.clean()));
        }
        if (seen.firstEmpty == null) {
            return null;
        }
        String what = seen.positions + " selects no position of ";
        if (seen.empty == seen.sequences) {
            throw new GtLensException(what + "any of the " + seen.sequences + " pair" + (seen.sequences == 1 ? ""
                    : "s") + " (the longest clean sequence has " + seen.longest + " token"
                    + (seen.longest == 1 ? "" : "s") + "); nothing is written.");
        }
        return what + "pair " + seen.firstEmpty.id() + ", whose clean sequence has " + seen.firstEmpty.length()
                + " tokens, and of " + (seen.empty - 1) + " more of the " + seen.sequences + " pairs; they have no "
                + "resid rows.";
    }

    /**
     * The items of {@code source}, watched: at its end, when no sequence kept a position, the source fails (so the
     * run writes nothing); when some kept none, one warning goes to {@code warn}.
     */
    public <T> Extractor.ItemSource<T> watch(Extractor.ItemSource<T> source, Consumer<String> warn) {
        return () -> {
            Item<T> item = source.next();
            if (item != null) {
                if (item.runs()) {
                    see(item.sequence());
                }
                return item;
            }
            if (sequences > 0 && empty == sequences) {
                throw new GtLensException(positions + " selects no position of any of the " + sequences
                        + " sequence" + (sequences == 1 ? "" : "s") + " (the longest has " + longest + " token"
                        + (longest == 1 ? "" : "s") + "); nothing is written.");
            }
            if (empty > 0) {
                warn.accept(nothing(positions, firstEmpty) + ", and of " + (empty - 1) + " more of the " + sequences
                        + " sequences; the tables have no representation rows for them.");
            }
            return null;
        };
    }

    private void see(Sequence s) {
        sequences++;
        longest = Math.max(longest, s.length());
        if (kept.resolve(s.length()).length == 0) {
            empty++;
            if (firstEmpty == null) {
                firstEmpty = s;
            }
        }
    }
}
