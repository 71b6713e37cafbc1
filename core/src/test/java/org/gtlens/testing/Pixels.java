package org.gtlens.testing;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import org.gtlens.chart.options.Palette;

/**
 * Looking at rendered pixels the way a reader would, independently of the production code: which colour fills a
 * cell, where that colour sits on a palette, how much contrast text has, how wide the blank border is.
 */
public final class Pixels {

    private Pixels() {
    }

    public static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new AssertionError("ImageIO cannot read the PNG");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    /** The most frequent colour inside a rectangle (scaled by {@code s}), i.e. the cell's background. */
    public static int mode(BufferedImage img, Rectangle r, double s) {
        Map<Integer, Integer> counts = new HashMap<>();
        int x0 = (int) Math.ceil(r.x * s);
        int y0 = (int) Math.ceil(r.y * s);
        int x1 = (int) Math.floor((r.x + r.width) * s);
        int y1 = (int) Math.floor((r.y + r.height) * s);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                counts.merge(rgb(img, x, y), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Index (0..255) of the palette entry nearest to a colour. */
    public static int palettePosition(Palette palette, int rgb) {
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < Palette.SIZE; i++) {
            int d = distance(palette.entry(i), rgb);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    public static int distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return dr * dr + dg * dg + db * db;
    }

    /** WCAG 2 relative luminance, written out here again so tests do not trust the code under test. */
    public static double luminance(int rgb) {
        double[] c = {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    public static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The text in a cell as a reader sees it: the pixel that differs most in luminance from the background, and how
     * many pixels are (nearly) that colour.
     */
    public record CellText(int background, int text, int textPixels) {
        public double contrast() {
            return Pixels.contrast(background, text);
        }
    }

    public static CellText cellText(BufferedImage img, Rectangle r, double s) {
        int bg = mode(img, r, s);
        double lbg = luminance(bg);
        int x0 = (int) Math.ceil(r.x * s);
        int y0 = (int) Math.ceil(r.y * s);
        int x1 = (int) Math.floor((r.x + r.width) * s);
        int y1 = (int) Math.floor((r.y + r.height) * s);
        int text = bg;
        double far = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = rgb(img, x, y);
                double d = Math.abs(luminance(p) - lbg);
                if (d > far) {
                    far = d;
                    text = p;
                }
            }
        }
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (distance(rgb(img, x, y), text) <= 3 * 30 * 30) {
                    count++;
                }
            }
        }
        return new CellText(bg, text, text == bg ? 0 : count);
    }

    /** Blank (all one colour as the corner) rows or columns at each edge: top, right, bottom, left. */
    public static int[] blankBorder(BufferedImage img) {
        int bg = rgb(img, 0, 0);
        int w = img.getWidth();
        int h = img.getHeight();
        int top = 0;
        while (top < h && rowBlank(img, top, bg)) {
            top++;
        }
        int bottom = 0;
        while (bottom < h && rowBlank(img, h - 1 - bottom, bg)) {
            bottom++;
        }
        int left = 0;
        while (left < w && colBlank(img, left, bg)) {
            left++;
        }
        int right = 0;
        while (right < w && colBlank(img, w - 1 - right, bg)) {
            right++;
        }
        return new int[] {top, right, bottom, left};
    }

    private static boolean rowBlank(BufferedImage img, int y, int bg) {
        for (int x = 0; x < img.getWidth(); x++) {
            if (rgb(img, x, y) != bg) {
                return false;
            }
        }
        return true;
    }

    private static boolean colBlank(BufferedImage img, int x, int bg) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (rgb(img, x, y) != bg) {
                return false;
            }
        }
        return true;
    }

    /** Number of distinct colours (a blank screenshot has one or two). */
    public static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                set.add(rgb(img, x, y));
            }
        }
        return set.size();
    }
}
