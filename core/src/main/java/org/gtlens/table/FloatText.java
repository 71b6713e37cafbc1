package org.gtlens.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a float as the shortest decimal that reads back as exactly the same float, straight into a byte array, in
 * the notation of {@link Float#toString(float)} ("0.25", "1.0", "1.0E-5"). A long table is hundreds of values per
 * sequence, and Java 17's {@code Float.toString} (which allocates, and is not always shortest) was most of the time
 * of a CSV export.
 *
 * <p>The digits come from double arithmetic: every float, its neighbours' midpoints and a power-of-ten scaling of
 * them are represented within a few double ulps, so the shortest candidate can be found by rounding. Where a
 * scaled value lies so close to an integer (or a half) that those few ulps could decide, the same steps are taken
 * again exactly with {@link BigDecimal}.
 */
public final class FloatText {

    /** The most bytes one value's text takes ("-1.17549435E-38"). */
    public static final int MAX_LENGTH = 15;
    /** The room {@link #write} needs from its position: it may write a few bytes past the text's end. */
    public static final int ROOM = 24;

    /**
     * Scaled values this close to a decision boundary, relative to their size, are decided exactly: the double
     * path is off by at most two roundings (about 2.2e-16 relative), over a hundred times less.
     */
    private static final double GUARD = 0x1p-45;
    /** Powers of ten from 10^-MAX_SCALE to 10^MAX_SCALE, each the double nearest to it. */
    private static final int MAX_SCALE = 64;
    private static final double[] POW10 = new double[2 * MAX_SCALE + 1];
    /**
     * For each float exponent (and whether the gap below is the narrow one, at powers of two): the scale at which
     * the interval of decimals that read back as the float is from 1 to 10 wide, and ten to that scale.
     */
    private static final int[] FINE_SCALE = new int[2 * 256];
    private static final double[] FINE_POW10 = new double[2 * 256];
    private static final int[] INT_POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final byte[] ZERO = "0.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAN = "NaN".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = "Infinity".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int s = -MAX_SCALE; s <= MAX_SCALE; s++) {
            POW10[s + MAX_SCALE] = Double.parseDouble("1e" + s); // correctly rounded
        }
        for (int exponent = -149; exponent <= 104; exponent++) {
            for (int narrow = 0; narrow < 2; narrow++) {
                // width = 2^exponent, or 3/4 of it where the gap below is half the gap above
                BigDecimal width = exact(narrow == 1 ? 3 : 4, exponent - 2);
                int fine = width.scale() - width.precision() + 1;
                FINE_SCALE[index(exponent, narrow == 1)] = fine;
                FINE_POW10[index(exponent, narrow == 1)] = POW10[fine + MAX_SCALE];
            }
        }
    }

    private static int index(int exponent, boolean narrowBelow) {
        return 2 * (exponent + 149) + (narrowBelow ? 1 : 0);
    }

    private FloatText() {
    }

    /** The text of {@code v}, as {@link #write} writes it. */
    public static String toString(float v) {
        byte[] buf = new byte[ROOM];
        int end = write(v, buf, 0);
        return new String(buf, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@code v} at {@code buf[pos]} and returns the position after it; {@code buf} must have
     * {@link #ROOM} bytes from {@code pos}.
     */
    public static int write(float v, byte[] buf, int pos) {
        if (v != v) {
            return copy(NAN, buf, pos);
        }
        int bits = Float.floatToRawIntBits(v);
        if (bits < 0) {
            buf[pos++] = '-';
            bits &= 0x7FFFFFFF;
        }
        if (bits == 0) {
            return copy(ZERO, buf, pos);
        }
        int biased = bits >>> 23;
        if (biased == 0xFF) {
            return copy(INFINITY, buf, pos);
        }
        int fraction = bits & 0x7FFFFF;
        int mantissa = biased == 0 ? fraction : fraction | 0x800000;
        int exponent = biased == 0 ? -149 : biased - 150;
        boolean narrowBelow = fraction == 0 && biased > 1;
        long result = shortest(Float.intBitsToFloat(bits), exponent, narrowBelow);
        if (result < 0) { // UNDECIDED
            return writeExact(mantissa, exponent, narrowBelow, buf, pos);
        }
        return notation(result >>> 8, (byte) result, buf, pos);
    }

    private static final long UNDECIDED = -1;

    /**
     * Digits shifted left by 8 with the scale in the low byte (the value is digits * 10^-scale), or
     * {@link #UNDECIDED} when doubles cannot decide.
     */
    private static long shortest(float magnitude, int exponent, boolean narrowBelow) {
        double value = magnitude; // exact, as are the midpoints to the neighbours below
        double halfUp = Double.longBitsToDouble((long) (exponent - 1 + 1023) << 52);
        double lower = value - (narrowBelow ? halfUp / 2 : halfUp);
        double upper = value + halfUp;
        int i = index(exponent, narrowBelow);
        double p = FINE_POW10[i];
        int scale = FINE_SCALE[i];
        // At this scale the interval is 1 to 10 wide, so it holds an integer (both ends are never integers
        // here: those are decided exactly). One scale coarser it is under 1 wide: if it holds a multiple of
        // ten, that one is the only and shortest candidate.
        double lo = lower * p;
        double hi = upper * p;
        if (nearInteger(lo) || nearInteger(hi)) {
            return UNDECIDED;
        }
        long first = (long) Math.ceil(lo);
        long last = (long) Math.floor(hi);
        long tens = last - last % 10;
        long n;
        if (tens >= first) {
            n = tens;
        } else {
            double v = value * p;
            if (Math.abs(v - Math.floor(v) - 0.5) < GUARD * v) {
                return UNDECIDED;
            }
            n = Math.min(last, Math.max(first, (long) Math.rint(v)));
        }
        long found = packed(n, scale);
        if (found >>> 8 >= 10) {
            return found;
        }
        // One digit is enough, but the notation shows two: take the closest of all two-digit decimals (as Java 19+
        // does), on the grid of two significant digits at the value's own magnitude.
        int two = 1 - (int) Math.floor(Math.log10(value));
        while (scaled(value, two) >= 100) {
            two--;
        }
        while (scaled(value, two) < 10) {
            two++;
        }
        return closest(value, lower, upper, two);
    }

    private static final long NONE = -2;

    /**
     * The integer in the interval scaled by 10^scale that is closest to the value, with trailing zeros stripped
     * (packed as by {@link #shortest}); {@link #NONE} if the interval holds none, {@link #UNDECIDED} if doubles
     * cannot tell.
     */
    private static long closest(double value, double lower, double upper, int scale) {
        double lo = scaled(lower, scale);
        double hi = scaled(upper, scale);
        if (nearInteger(lo) || nearInteger(hi)) {
            return UNDECIDED;
        }
        long first = (long) Math.ceil(lo);
        long last = (long) Math.floor(hi);
        if (first > last) {
            return NONE;
        }
        long n = first;
        if (first != last) {
            double v = scaled(value, scale);
            if (Math.abs(v - Math.floor(v) - 0.5) < GUARD * v) {
                return UNDECIDED;
            }
            n = Math.min(last, Math.max(first, (long) Math.rint(v)));
        }
        return packed(n, scale);
    }

    /** Digits times 10^-scale with trailing zeros stripped, packed: digits shifted left by 8, scale in the low byte. */
    private static long packed(long digits, int scale) {
        while (digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        return digits << 8 | (scale & 0xFF);
    }

    private static boolean nearInteger(double x) {
        return Math.abs(x - Math.rint(x)) < GUARD * x;
    }

    /** {@code x * 10^s} within two roundings. */
    private static double scaled(double x, int s) {
        return x * POW10[s + MAX_SCALE];
    }

    /** The text of a positive finite {@code v} by the exact path alone (for tests of the fast path). */
    static String toStringExact(float v) {
        int bits = Float.floatToRawIntBits(v);
        int biased = bits >>> 23;
        int fraction = bits & 0x7FFFFF;
        if (bits <= 0 || biased == 0xFF) {
            throw new IllegalArgumentException("not a positive finite float: " + v);
        }
        byte[] buf = new byte[ROOM];
        int end = writeExact(biased == 0 ? fraction : fraction | 0x800000, biased == 0 ? -149 : biased - 150,
                fraction == 0 && biased > 1, buf, 0);
        return new String(buf, 0, end, StandardCharsets.US_ASCII);
    }

    /** The same search as {@link #shortest}, exact. */
    private static int writeExact(int mantissa, int exponent, boolean narrowBelow, byte[] buf, int pos) {
        BigDecimal value = exact(2L * mantissa, exponent - 1);
        BigDecimal upper = exact(2L * mantissa + 1, exponent - 1);
        BigDecimal lower = narrowBelow ? exact(4L * mantissa - 1, exponent - 2)
                : exact(2L * mantissa - 1, exponent - 1);
        boolean inclusive = (mantissa & 1) == 0;
        BigDecimal width = upper.subtract(lower);
        long found = NONE;
        for (int scale = width.scale() - width.precision(); found == NONE; scale++) {
            found = exactClosest(value, lower, upper, inclusive, scale);
        }
        if (found >>> 8 < 10) {
            found = exactClosest(value, lower, upper, inclusive, value.scale() - value.precision() + 2);
        }
        return notation(found >>> 8, (byte) found, buf, pos);
    }

    private static long exactClosest(BigDecimal value, BigDecimal lower, BigDecimal upper, boolean inclusive,
            int scale) {
        BigDecimal lo = lower.movePointRight(scale);
        BigDecimal hi = upper.movePointRight(scale);
        BigDecimal first = lo.setScale(0, RoundingMode.CEILING);
        BigDecimal last = hi.setScale(0, RoundingMode.FLOOR);
        if (!inclusive && first.compareTo(lo) == 0) {
            first = first.add(BigDecimal.ONE);
        }
        if (!inclusive && last.compareTo(hi) == 0) {
            last = last.subtract(BigDecimal.ONE);
        }
        if (first.compareTo(last) > 0) {
            return NONE;
        }
        long n = value.movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).max(first).min(last)
                .longValueExact();
        return packed(n, scale);
    }

    private static BigDecimal exact(long m, int exponent) {
        BigDecimal d = new BigDecimal(m);
        return exponent >= 0 ? d.multiply(new BigDecimal(BigInteger.TWO.pow(exponent)))
                : d.divide(new BigDecimal(BigInteger.TWO.pow(-exponent)));
    }

    /**
     * Writes digits times 10^-scale: plain from 10^-3 to below 10^7, else computerised scientific. The digits are
     * written as nine, left-aligned, in a fixed number of steps whatever their count (loops of varying length
     * cost more in mispredicted branches than the few bytes written past the end).
     */
    private static int notation(long digits, int scale, byte[] buf, int pos) {
        int n = (int) digits; // at most nine digits: a float never needs more
        int len = length(n);
        int nine = n * INT_POW10[9 - len];
        int exp10 = len - 1 - scale;
        if (exp10 >= 0 && exp10 < 7) {
            // the integer part (padded with the zeros that left alignment brings), the point, at least one digit
            int point = exp10 + 1;
            nineDigits(nine, point, buf, pos);
            buf[pos + point] = '.';
            return pos + Math.max(len, point + 1) + 1;
        }
        if (exp10 < 0 && exp10 >= -3) {
            buf[pos] = '0';
            buf[pos + 1] = '.';
            buf[pos + 2] = '0';
            buf[pos + 3] = '0';
            int start = pos + 1 - exp10;
            nineDigits(nine, 9, buf, start);
            return start + len;
        }
        nineDigits(nine, 1, buf, pos);
        buf[pos + 1] = '.';
        pos += Math.max(len, 2) + 1;
        buf[pos++] = 'E';
        if (exp10 < 0) {
            buf[pos++] = '-';
            exp10 = -exp10;
        }
        if (exp10 >= 10) {
            buf[pos++] = (byte) ('0' + exp10 / 10);
        }
        buf[pos++] = (byte) ('0' + exp10 % 10);
        return pos;
    }

    private static int length(int n) {
        // floor(log10(n)) + 1 from the bit length, corrected by one comparison
        int guess = (32 - Integer.numberOfLeadingZeros(n)) * 1233 >>> 12;
        return guess + (guess < INT_POW10.length && n >= INT_POW10[guess] ? 1 : 0);
    }

    /**
     * Writes the nine digits of {@code nine} (below 10^9, leading zeros included) at {@code pos}, leaving a gap of
     * one byte after the first {@code point} (1 to 9) of them; up to seven bytes after the last digit are
     * overwritten. The last eight digits are made in one long, a byte each (SWAR), and stored at once.
     */
    private static void nineDigits(int nine, int point, byte[] buf, int pos) {
        int first = nine / 100_000_000;
        int rest = nine - first * 100_000_000;
        int high = rest / 10_000;
        // two 4-digit halves in 32-bit lanes, then two 2-digit quarters in each half's 16-bit lanes (n * 10486
        // >> 20 is n / 100 below 10^4), then tens and ones in 8-bit lanes (n * 103 >> 10 is n / 10 below 100)
        long halves = high | (long) (rest - high * 10_000) << 32;
        long hundreds = (halves * 10486 >>> 20) & 0x0000007F0000007FL;
        long quarters = hundreds | (halves - hundreds * 100) << 16;
        long tens = (quarters * 103 >>> 10) & 0x000F000F000F000FL;
        long eight = (tens | (quarters - tens * 10) << 8) + 0x3030303030303030L;
        buf[pos] = (byte) ('0' + first);
        LITTLE_ENDIAN_LONG.set(buf, pos + 1, eight);
        if (point < 9) {
            LITTLE_ENDIAN_LONG.set(buf, pos + point + 1, eight >>> 8 * (point - 1));
        }
    }

    private static int copy(byte[] text, byte[] buf, int pos) {
        System.arraycopy(text, 0, buf, pos, text.length);
        return pos + text.length;
    }
}
