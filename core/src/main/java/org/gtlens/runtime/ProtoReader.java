package org.gtlens.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bounded view of protobuf wire data in a buffer, read in place: a model scanned through a memory map is never
 * copied into the heap. Anything malformed (a varint or a length running past the end, an unknown wire type) is an
 * {@link IllegalArgumentException} whose message ends a sentence.
 */
final class ProtoReader {

    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH = 2;
    static final int WIRE_FIXED32 = 5;

    private final ByteBuffer bytes;
    private int pos;
    private final int end;

    ProtoReader(ByteBuffer bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    boolean more() {
        return pos < end;
    }

    /** A field's tag; field number 0 does not exist (a file of zero bytes, say). */
    long tag() {
        long tag = varint();
        if ((tag >>> 3) == 0) {
            throw new IllegalArgumentException("field number 0 at byte " + (pos - 1) + ", which protobuf does "
                    + "not have");
        }
        return tag;
    }

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("truncated varint");
            }
            byte b = bytes.get(pos++);
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /** The length-delimited field at this position, as a view of its own; this view moves past it. */
    ProtoReader sub() {
        long length = varint();
        if (length < 0 || length > end - pos) {
            throw new IllegalArgumentException("length runs past the end");
        }
        ProtoReader r = new ProtoReader(bytes, pos, pos + (int) length);
        pos += (int) length;
        return r;
    }

    String string() {
        ProtoReader r = sub();
        byte[] text = new byte[r.end - r.pos];
        bytes.get(r.pos, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Skips a field of the given wire type whose tag was just read. */
    void skip(int wire) {
        switch (wire) {
            case WIRE_VARINT -> varint();
            case WIRE_FIXED64 -> advance(8);
            case WIRE_LENGTH -> sub();
            case WIRE_FIXED32 -> advance(4);
            default -> throw new IllegalArgumentException("unknown wire type " + wire);
        }
    }

    private void advance(int n) {
        if (n > end - pos) {
            throw new IllegalArgumentException("field runs past the end");
        }
        pos += n;
    }
}
