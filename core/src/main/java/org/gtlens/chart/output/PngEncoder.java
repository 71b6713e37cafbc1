package org.gtlens.chart.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer for RGB images, several times faster than ImageIO's on heatmaps: each row is stored as its
 * difference to the row above (PNG filter "Up"), which turns the many repeated rows of a heatmap into zeros, and
 * is then deflated at a fast level. The output is a standard 8-bit RGB PNG that any reader (ImageIO too) decodes.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Deflate level: 1 is about twice as fast as 6 and only ~10% larger on heatmaps. */
    static final int LEVEL = 1;

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = rgbPixels(image);
        int stride = w * 3 + 1;
        byte[] raw = new byte[stride * h];
        byte[] prev = new byte[w * 3];
        byte[] cur = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0, i = 0; x < w; x++) {
                int p = pixels[base + x];
                cur[i++] = (byte) (p >> 16);
                cur[i++] = (byte) (p >> 8);
                cur[i++] = (byte) p;
            }
            int o = y * stride;
            if (y == 0) {
                raw[o] = 1; // Sub
                for (int i = 0; i < cur.length; i++) {
                    raw[o + 1 + i] = (byte) (cur[i] - (i >= 3 ? cur[i - 3] : 0));
                }
            } else {
                raw[o] = 2; // Up
                for (int i = 0; i < cur.length; i++) {
                    raw[o + 1 + i] = (byte) (cur[i] - prev[i]);
                }
            }
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
        Deflater deflater = new Deflater(LEVEL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, raw.length / 8));
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, raw.length / 8));
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                idat.write(buf, 0, n);
            }
            out.writeBytes(SIGNATURE);
            byte[] ihdr = new byte[13];
            putInt(ihdr, 0, w);
            putInt(ihdr, 4, h);
            ihdr[8] = 8; // bit depth
            ihdr[9] = 2; // colour type RGB
            chunk(out, "IHDR", ihdr);
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static int[] rgbPixels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
