package org.gtlens.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Values in the CSV read back as the very same float, in as few digits as possible, in Java's notation. The
 * expected texts are those that Java 19 and later (whose Float.toString is specified as shortest) print; outside
 * the tests, FloatText was compared with Java 25's Float.toString on all 2^31 positive floats, without a
 * difference.
 */
class FloatTextTest {

    /** Bit patterns where float-to-text goes wrong most often: extremes, subnormals, powers of two and ten. */
    private static IntStream hardCases() {
        IntStream subnormals = IntStream.rangeClosed(1, 20_000);
        IntStream normalEdge = IntStream.rangeClosed(0x007FF000, 0x00801000);
        IntStream powersOfTwo = IntStream.rangeClosed(1, 254).flatMap(e -> IntStream.of(e << 23, (e << 23) - 1,
                (e << 23) + 1));
        IntStream powersOfTen = IntStream.rangeClosed(-45, 38).flatMap(e -> {
            int bits = Float.floatToIntBits(Float.parseFloat("1e" + e));
            return IntStream.rangeClosed(bits - 3, bits + 3);
        });
        IntStream top = IntStream.rangeClosed(0x7F7FF000, 0x7F7FFFFF);
        return Stream.of(subnormals, normalEdge, powersOfTwo, powersOfTen, top).flatMapToInt(s -> s)
                .filter(b -> b > 0 && b < 0x7F800000);
    }

    private static IntStream randomPositive(int n, long seed) {
        Random random = new Random(seed);
        return IntStream.generate(() -> random.nextInt(0x7F800000 - 1) + 1).limit(n);
    }

    @Test
    void writesJavasNotation() {
        assertEquals("0.0", FloatText.toString(0f));
        assertEquals("-0.0", FloatText.toString(-0f));
        assertEquals("NaN", FloatText.toString(Float.NaN));
        assertEquals("NaN", FloatText.toString(Float.intBitsToFloat(0xFFC00001)));
        assertEquals("Infinity", FloatText.toString(Float.POSITIVE_INFINITY));
        assertEquals("-Infinity", FloatText.toString(Float.NEGATIVE_INFINITY));
        assertEquals("1.0", FloatText.toString(1f));
        assertEquals("-2.5", FloatText.toString(-2.5f));
        assertEquals("0.1", FloatText.toString(0.1f));
        assertEquals("0.001", FloatText.toString(0.001f));
        assertEquals("9.999999E-4", FloatText.toString(0.0009999999f));
        assertEquals("1.0E-5", FloatText.toString(1e-5f));
        assertEquals("1234567.0", FloatText.toString(1234567f));
        assertEquals("9999999.0", FloatText.toString(9999999f));
        assertEquals("1.0E7", FloatText.toString(1e7f));
        assertEquals("-44.37", FloatText.toString(-44.37f));
        assertEquals("3.4028235E38", FloatText.toString(Float.MAX_VALUE));
        assertEquals("1.1754944E-38", FloatText.toString(Float.MIN_NORMAL)); // Java 17: 1.17549435E-38
        assertEquals("1.4E-45", FloatText.toString(Float.MIN_VALUE));
        // one digit would do (1.0E-44), but of the two-digit decimals 9.8E-45 is closest: Java 19+ prints it
        assertEquals("9.8E-45", FloatText.toString(7 * Float.MIN_VALUE));
        // Java 17 prints 1.27377006E18 here, one of about one float in nine where it is not shortest
        assertEquals("1.27377E18", FloatText.toString(Float.intBitsToFloat(0x5d8d6ab9)));
    }

    @Test
    void everyTextReadsBackAsTheSameFloat() {
        byte[] buf = new byte[3 + FloatText.ROOM]; // exactly the room it asks for
        IntStream.concat(hardCases(), randomPositive(2_000_000, 1)).forEach(bits -> {
            for (int signed : new int[] {bits, bits | 0x80000000}) {
                float f = Float.intBitsToFloat(signed);
                int end = FloatText.write(f, buf, 3);
                String text = new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
                assertEquals(signed, Float.floatToRawIntBits(Float.parseFloat(text)), text);
                assertTrue(end - 3 <= FloatText.MAX_LENGTH, text);
            }
        });
    }

    @Test
    void textsAreShortest() {
        IntStream.concat(hardCases(), randomPositive(200_000, 2)).forEach(bits -> {
            float f = Float.intBitsToFloat(bits);
            String text = FloatText.toString(f);
            BigDecimal d = new BigDecimal(text);
            int digits = d.stripTrailingZeros().precision();
            // never longer than Java 17's text, which always reads back but is not always shortest (both show at
            // least two digits)
            int java17 = new BigDecimal(Float.toString(f)).stripTrailingZeros().precision();
            assertTrue(Math.max(2, digits) <= Math.max(2, java17), text);
            if (digits >= 3) {
                // no decimal with one digit fewer reads back as f (two digits are always shown, so the rule
                // starts at three)
                MathContext shorter = new MathContext(digits - 1, RoundingMode.FLOOR);
                BigDecimal below = d.round(shorter);
                BigDecimal above = below.add(BigDecimal.ONE.movePointLeft(below.scale()));
                assertNotEquals(f, below.floatValue(), text + " could be " + below);
                assertNotEquals(f, above.floatValue(), text + " could be " + above);
            }
        });
    }

    @Test
    void toStringAgreesWithToStringExact() {
        IntStream.concat(hardCases(), randomPositive(300_000, 3)).forEach(bits -> {
            float f = Float.intBitsToFloat(bits);
            assertEquals(FloatText.toStringExact(f), FloatText.toString(f), Integer.toHexString(bits));
        });
    }
}
