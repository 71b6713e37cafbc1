package org.gtlens.chart.swing;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.options.ChartOptions;

/**
 * Opens figures in a desktop window, one {@link HeatmapPanel} per figure (in tabs when there are several). Also a
 * demo: {@code java -cp ... org.gtlens.chart.swing.HeatmapWindow [tokens=4,5,5,5,4] [model.onnx]} shows the six figures.
 */
public final class HeatmapWindow {

    private HeatmapWindow() {
    }

    /** Shows one figure in a new window (created on the event dispatch thread) and returns the window. */
    public static JFrame show(HeatmapGrid grid, ChartOptions options) {
        return onEdt(() -> frame(grid.title().isEmpty() ? "GT Lens" : grid.title(), new HeatmapPanel(grid, options)));
    }

    /** Shows figures as tabs of one window, each with its default options. */
    public static JFrame show(List<Figure> figures) {
        return onEdt(() -> {
            JTabbedPane tabs = new JTabbedPane();
            for (Figure f : figures) {
                tabs.addTab(f.name(), new HeatmapPanel(f.grid(), f.defaults()));
            }
            return frame("GT Lens figures", tabs);
        });
    }

    private static JFrame frame(String title, java.awt.Component content) {
        JFrame frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.getContentPane().add(content);
        frame.pack();
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        Dimension size = frame.getSize();
        frame.setSize(Math.min(size.width, screen.width), Math.min(size.height, screen.height));
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        return frame;
    }

    private interface FrameMaker {
        JFrame make();
    }

    private static JFrame onEdt(FrameMaker maker) {
        if (SwingUtilities.isEventDispatchThread()) {
            return maker.make();
        }
        AtomicReference<JFrame> ref = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> ref.set(maker.make()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening a window", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not open a window: " + e.getCause(), e.getCause());
        }
        return ref.get();
    }

    public static void main(String[] args) throws Exception {
        int[] tokens = Arrays.stream((args.length > 0 ? args[0] : "4,5,5,5,4").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        try (GTransformer model = args.length > 1 ? GTransformer.load(Path.of(args[1])) : GTransformer.loadDefault(1)) {
            BatchResult batch = new Extractor(model, EnumSet.copyOf(Kind.contract()), 1).extract(new Sequence("0", tokens));
            JFrame frame = show(RepresentationFigures.build(batch, 0));
            SwingUtilities.invokeLater(() -> frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE));
        }
    }
}
