package org.gtlens.explorer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;

/**
 * Figures of sequences run through a model when they are looked at: one sequence is extracted (every contract kind)
 * when the explorer first shows it and kept until another is shown, so memory holds one sequence's tensors whatever
 * the length of the list.
 */
public final class ModelFigureSource implements FigureSource {

    private final GTransformer model;
    private final List<Sequence> sequences;
    private int cachedIndex = -1;
    private BatchResult cached;

    /** @param sequences at least one sequence; the model stays open as long as the source is used */
    public ModelFigureSource(GTransformer model, List<Sequence> sequences) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("no sequence to show");
        }
        this.model = model;
        this.sequences = List.copyOf(sequences);
    }

    @Override
    public int size() {
        return sequences.size();
    }

    @Override
    public String label(int index) {
        Sequence s = sequences.get(index);
        return s.id() + " · " + RepresentationFigures.sequenceTitle(model.info(), s.tokens());
    }

    @Override
    public List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>(Kind.contract());
        kinds.add(Kind.ROLLOUT);
        return kinds;
    }

    @Override
    public Figure figure(int index, Kind kind, IndexList blocks, IndexList heads) throws GtLensException {
        return figure(index, kind, blocks, heads, IndexList.ALL);
    }

    @Override
    public Figure figure(int index, Kind kind, IndexList blocks, IndexList heads, IndexList positions)
            throws GtLensException {
        Selection selection = Selection.all(EnumSet.of(kind)).withBlocks(blocks).withHeads(heads)
                .withPositions(positions);
        try {
            selection.check(model.info());
        } catch (IllegalArgumentException e) {
            throw new GtLensException(e.getMessage() + ".");
        }
        if (index != cachedIndex) {
            cached = null;
            EnumSet<Kind> all = EnumSet.copyOf(Kind.contract());
            all.add(Kind.ROLLOUT);
            cached = new Extractor(model, all, 1).extract(sequences.get(index));
            cachedIndex = index;
        }
        BatchResult batch = cached;
        return RepresentationFigures.figure(model.info(), batch.sequence(0).tokens(), kind,
                (k, b, h) -> batch.matrix(0, k, b, h), selection);
    }
}
