package org.gtlens.chart.swing;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.testing.Synthetic;

/**
 * Run in a child JVM with a display (Xvfb) by {@link SwingWindowTest}: opens the attention figure in a real JFrame,
 * resizes it, waits for the panel's first paint at that size (an event, not a time), captures the screen with Robot
 * and paints the realized panel into an image, and writes both PNGs and the tooltip of one cell into {@code args[0]}.
 * Exit code 0 when it all worked.
 */
public final class SwingScreenshotMain {

    private static final Dimension FRAME = new Dimension(1000, 720);

    /**
     * A glass pane that draws nothing and counts {@code painted} down the first time it is painted over the panel with
     * the frame at its final size and place: the glass pane is painted last, in the same pass as the panel below it.
     */
    private static JComponent firstPaint(JFrame frame, FigureComponent panel, CountDownLatch painted) {
        return new JComponent() {
            @Override
            protected void paintComponent(Graphics g) {
                if (frame.getSize().equals(FRAME) && frame.getLocation().equals(new Point(0, 0)) && panel.isShowing()
                        && panel.isValid() && panel.getWidth() > 0 && panel.getHeight() > 0) {
                    painted.countDown();
                }
            }
        };
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Synthetic s = Synthetic.defaultShape();
        List<Figure> figures = RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source());
        Figure attention = figures.get(0);
        JFrame frame = HeatmapWindow.show(attention.grid(), attention.defaults());
        AtomicReference<FigureComponent> panel = new AtomicReference<>();
        CountDownLatch painted = new CountDownLatch(1);
        SwingUtilities.invokeAndWait(() -> {
            panel.set((FigureComponent) frame.getContentPane().getComponent(0));
            frame.setGlassPane(firstPaint(frame, panel.get(), painted));
            frame.getGlassPane().setVisible(true);
            frame.setSize(FRAME);
            frame.setLocation(0, 0);
        });
        // the panel is painted at the frame's final size; a bound only fails a run that hangs, it is no wait
        if (!painted.await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the frame was not painted at " + FRAME.width + "x" + FRAME.height);
        }
        SwingUtilities.invokeAndWait(() -> { }); // that paint has ended and its buffer is on the screen
        Robot robot = new Robot();
        robot.waitForIdle(); // and the X server has drawn it
        AtomicReference<Rectangle> onScreen = new AtomicReference<>();
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        AtomicReference<String> tooltip = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            FigureComponent p = panel.get();
            Point origin = p.getLocationOnScreen();
            onScreen.set(new Rectangle(origin.x, origin.y, p.getWidth(), p.getHeight()));
            BufferedImage img = new BufferedImage(p.getWidth(), p.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            p.paint(g);
            g.dispose();
            image.set(img);
            FigureLayout layout = p.currentLayout();
            Rectangle cell = layout.box(0, 1).cell(2, 1);
            tooltip.set(p.getToolTipText(new MouseEvent(p, MouseEvent.MOUSE_MOVED, 0, 0, cell.x + cell.width / 2,
                    cell.y + cell.height / 2, 0, false)) + "\nlayout " + layout.width() + "x" + layout.height()
                    + "\npanel " + p.getWidth() + "x" + p.getHeight());
        });
        BufferedImage screen = robot.createScreenCapture(onScreen.get());
        ImageIO.write(screen, "png", dir.resolve("screen.png").toFile());
        ImageIO.write(image.get(), "png", dir.resolve("painted.png").toFile());
        Files.writeString(dir.resolve("tooltip.txt"), tooltip.get(), StandardCharsets.UTF_8);
        SwingUtilities.invokeAndWait(frame::dispose);
        System.exit(0);
    }
}
