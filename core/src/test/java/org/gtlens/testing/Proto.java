package org.gtlens.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A protobuf message as a list of fields that a test can change and write back, for making broken ONNX models from
 * a good one (a declared dimension changed, an IR version raised) without Python.
 */
public final class Proto {

    /** One field: its number, wire type, and value (a varint, or the bytes of a length-delimited field). */
    public static final class Field {
        public final int number;
        public final int wire;
        public long varint;
        public byte[] bytes;

        Field(int number, int wire, long varint, byte[] bytes) {
            this.number = number;
            this.wire = wire;
            this.varint = varint;
            this.bytes = bytes;
        }

        public Proto message() {
            return Proto.parse(bytes);
        }

        public String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public final List<Field> fields = new ArrayList<>();

    public static Proto parse(byte[] b) {
        Proto p = new Proto();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long tag = varint(b, pos);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (wire) {
                case 0 -> p.fields.add(new Field(number, wire, varint(b, pos), null));
                case 1, 5 -> {
                    int n = wire == 1 ? 8 : 4;
                    p.fields.add(new Field(number, wire, 0, java.util.Arrays.copyOfRange(b, pos[0], pos[0] + n)));
                    pos[0] += n;
                }
                case 2 -> {
                    int n = (int) varint(b, pos);
                    p.fields.add(new Field(number, wire, 0, java.util.Arrays.copyOfRange(b, pos[0], pos[0] + n)));
                    pos[0] += n;
                }
                default -> throw new IllegalArgumentException("wire type " + wire);
            }
        }
        return p;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            write(out, ((long) f.number << 3) | f.wire);
            switch (f.wire) {
                case 0 -> write(out, f.varint);
                case 1, 5 -> out.write(f.bytes, 0, f.bytes.length);
                default -> {
                    write(out, f.bytes.length);
                    out.write(f.bytes, 0, f.bytes.length);
                }
            }
        }
        return out.toByteArray();
    }

    /** The fields of a number. */
    public List<Field> all(int number) {
        return fields.stream().filter(f -> f.number == number).toList();
    }

    /** Edits the message held in a length-delimited field in place. */
    public static void edit(Field f, Consumer<Proto> change) {
        Proto p = f.message();
        change.accept(p);
        f.bytes = p.bytes();
    }

    public void addVarint(int number, long value) {
        fields.add(new Field(number, 0, value, null));
    }

    public void addBytes(int number, byte[] value) {
        fields.add(new Field(number, 2, 0, value));
    }

    public void addString(int number, String value) {
        addBytes(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long varint(byte[] b, int[] pos) {
        long result = 0;
        for (int shift = 0;; shift += 7) {
            byte x = b[pos[0]++];
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
        }
    }

    private static void write(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
