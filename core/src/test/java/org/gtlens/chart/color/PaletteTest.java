package org.gtlens.chart.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.gtlens.chart.options.Palette;
import org.gtlens.testing.Pixels;

/** Colour scales, text contrast, number formats and legend ticks. */
class PaletteTest {

    @Test
    void sequentialPalettesChangeLuminanceMonotonically() {
        for (Palette p : new Palette[] {Palette.VIRIDIS, Palette.MAGMA}) {
            for (int i = 1; i < Palette.SIZE; i++) {
                assertTrue(Pixels.luminance(p.entry(i)) >= Pixels.luminance(p.entry(i - 1)) - 1e-3, p + " at " + i);
            }
        }
        for (int i = 1; i < Palette.SIZE; i++) {
            assertTrue(Pixels.luminance(Palette.BLUES.entry(i)) <= Pixels.luminance(Palette.BLUES.entry(i - 1)) + 1e-3);
        }
    }

    @Test
    void divergingPalettesAreLightInTheMiddle() {
        for (Palette p : new Palette[] {Palette.BLUE_RED, Palette.PURPLE_ORANGE}) {
            assertTrue(p.diverging());
            assertTrue(Pixels.luminance(p.rgb(0.5)) > 0.85);
            assertTrue(Pixels.luminance(p.rgb(0)) < 0.1 && Pixels.luminance(p.rgb(1)) < 0.1);
        }
        ColorScale s = ColorScale.fit(Palette.BLUE_RED, -0.5, 2);
        assertEquals(-2, s.lo());
        assertEquals(2, s.hi());
        assertEquals(0.5, s.position(0));
    }

    @Test
    void blackOrWhiteTextIsReadableOnEveryPaletteColour() {
        for (Palette p : Palette.values()) {
            for (int i = 0; i < Palette.SIZE; i++) {
                int bg = p.entry(i);
                double ratio = Pixels.contrast(Contrast.textOn(bg), bg);
                assertTrue(ratio >= 4.5, p + " entry " + i + ": contrast " + ratio);
            }
        }
    }

    @Test
    void valuesAreFormattedLikePrintfWithoutNegativeZero() {
        assertEquals("0.123", ValueFormat.format(0.1234f, 3));
        assertEquals("1.00", ValueFormat.format(0.999, 2));
        assertEquals("0.00", ValueFormat.format(-0.001, 2));
        assertEquals("-1.50", ValueFormat.format(-1.5, 2));
        assertEquals(3, ValueFormat.autoDecimals(0, 1));
        assertEquals(2, ValueFormat.autoDecimals(-3, 2));
        assertEquals(0, ValueFormat.autoDecimals(0, 500));
    }

    @Test
    void legendTicksAreRound() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), NiceTicks.ticks(0, 1, 5).stream()
                .map(v -> Math.round(v * 10) / 10.0).toList());
        List<Double> t = NiceTicks.ticks(-2.3, 2.3, 4);
        assertTrue(t.contains(0.0) && t.contains(-2.0) && t.contains(2.0), t.toString());
        assertEquals(1, NiceTicks.decimals(0.2));
        assertEquals(0, NiceTicks.decimals(5));
    }
}
