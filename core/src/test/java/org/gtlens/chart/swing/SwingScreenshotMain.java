package org.gtlens.chart.swing;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.testing.Synthetic;

/**
 * Run in a child JVM with a display (Xvfb) by {@link SwingWindowTest}: opens the attention figure in a real JFrame,
 * resizes it, captures the screen with Robot and paints the realized panel into an image, and writes both PNGs
 * and the tooltip of one cell into {@code args[0]}. Exit code 0 when it all worked.
 */
public final class SwingScreenshotMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Synthetic s = Synthetic.defaultShape();
        List<Figure> figures = RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source());
        Figure attention = figures.get(0);
        JFrame frame = HeatmapWindow.show(attention.grid(), attention.defaults());
        AtomicReference<HeatmapPanel> panel = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            frame.setSize(1000, 720);
            frame.setLocation(0, 0);
            panel.set((HeatmapPanel) frame.getContentPane().getComponent(0));
        });
        Robot robot = new Robot();
        robot.waitForIdle();
        Thread.sleep(700);
        robot.waitForIdle();
        AtomicReference<Rectangle> onScreen = new AtomicReference<>();
        AtomicReference<BufferedImage> painted = new AtomicReference<>();
        AtomicReference<String> tooltip = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            HeatmapPanel p = panel.get();
            Point origin = p.getLocationOnScreen();
            onScreen.set(new Rectangle(origin.x, origin.y, p.getWidth(), p.getHeight()));
            BufferedImage img = new BufferedImage(p.getWidth(), p.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            p.paint(g);
            g.dispose();
            painted.set(img);
            FigureLayout layout = p.currentLayout();
            Rectangle cell = layout.box(0, 1).cell(2, 1);
            tooltip.set(p.getToolTipText(new MouseEvent(p, MouseEvent.MOUSE_MOVED, 0, 0, cell.x + cell.width / 2,
                    cell.y + cell.height / 2, 0, false)) + "\nlayout " + layout.width() + "x" + layout.height()
                    + "\npanel " + p.getWidth() + "x" + p.getHeight());
        });
        BufferedImage screen = robot.createScreenCapture(onScreen.get());
        ImageIO.write(screen, "png", dir.resolve("screen.png").toFile());
        ImageIO.write(painted.get(), "png", dir.resolve("painted.png").toFile());
        Files.writeString(dir.resolve("tooltip.txt"), tooltip.get(), StandardCharsets.UTF_8);
        SwingUtilities.invokeAndWait(frame::dispose);
        System.exit(0);
    }
}
