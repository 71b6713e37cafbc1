package org.gtlens.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.gtlens.GtLensException;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.explorer.ModelFigureSource;
import org.gtlens.runtime.GTransformer;
import org.gtlens.repr.Sequence;
import org.gtlens.csv.input.SequenceCsvReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gtlens view}: the explorer in a window, over sequences run through a model as they are looked at. */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open the explorer: pick the sequence, kind, blocks, heads, colour scale and range; drag to "
                + "zoom a panel, Ctrl+drag to pan, right-click to save as PNG or SVG, copy or print; Page Up / "
                + "Page Down step through the sequences. Needs a display."})
final class ViewCommand implements Callable<Integer> {

    /** Sequences read from --input beyond this are left out (and said so): the list is held in memory. */
    static final int MAX_SEQUENCES = 100_000;

    @Mixin
    ModelOptions model;

    @Mixin
    SequenceInput input;

    @Option(names = "--snapshot", paramLabel = "FILE.png", hidden = true,
            description = "Draw the window once into FILE.png and close it (for tests and documentation).")
    Path snapshot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        input.check(spec.commandLine(), null);
        if (GraphicsEnvironment.isHeadless()) {
            throw new GtLensException("view needs a display and there is none (DISPLAY is not set, or Java runs "
                    + "headless); 'gtlens render' writes the same figures to files.");
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (Error | RuntimeException e) { // AWTError when the X server cannot be reached
            if (e instanceof OutOfMemoryError) {
                throw e;
            }
            String display = System.getenv("DISPLAY");
            throw new GtLensException("view cannot open a window: the display" + (display == null ? ""
                    : " '" + display + "'") + " cannot be reached (is its X server running, and DISPLAY right?); "
                    + "'gtlens render' writes the same figures to files.");
        }
        try (GTransformer m = model.open()) {
            show(m, input.fromFile() ? read(m.info()) : input.given(m.info()));
        }
        return 0;
    }

    /** Opens the window and waits until it is closed (or, with --snapshot, drawn once). */
    private void show(GTransformer m, List<Sequence> sequences) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<JFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            JFrame f = new JFrame("GT Lens · " + m.info().source());
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                    closed.countDown();
                }
            });
            f.getContentPane().add(new HeatmapExplorer(new ModelFigureSource(m, sequences)));
            f.setSize(1200, 850);
            f.setLocationByPlatform(true);
            f.setVisible(true);
            frame.set(f);
        });
        if (snapshot != null) {
            SwingUtilities.invokeAndWait(() -> {
                JFrame f = frame.get();
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(f.getContentPane().getWidth(),
                        f.getContentPane().getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                f.getContentPane().paint(g);
                g.dispose();
                try {
                    javax.imageio.ImageIO.write(img, "png", snapshot.toFile());
                } catch (java.io.IOException e) {
                    spec.commandLine().getErr().println("gtlens: could not write " + snapshot + ": "
                            + e.getMessage());
                }
                f.dispose();
            });
        }
        closed.await();
    }

    private List<Sequence> read(org.gtlens.model.ModelInfo info) throws Exception {
        List<Sequence> list = new ArrayList<>();
        try (SequenceCsvReader reader = input.reader(info, null)) {
            Sequence s;
            while ((s = reader.next()) != null) {
                if (list.size() == MAX_SEQUENCES) {
                    spec.commandLine().getErr().println("gtlens: view shows the first " + MAX_SEQUENCES
                            + " sequences of " + input.file() + "; the rest are left out.");
                    break;
                }
                list.add(s);
            }
        }
        if (list.isEmpty()) {
            throw new GtLensException(input.file() + " has no sequences (only a header).");
        }
        return list;
    }
}
