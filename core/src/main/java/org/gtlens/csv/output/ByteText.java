package org.gtlens.csv.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable run of UTF-8 bytes, reused from batch to batch: CSV text assembled as bytes needs no character
 * encoding on the way out and makes no garbage.
 */
final class ByteText {

    byte[] bytes = new byte[1 << 16];
    int length;

    void clear() {
        length = 0;
    }

    /** Makes room for {@code more} bytes after the current end. */
    void reserve(long more) {
        long needed = length + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a batch's text would exceed 2 GB; use a smaller batch");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }

    void append(byte[] text) {
        reserve(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }
}
