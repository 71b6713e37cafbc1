package org.gtlens.knimeapi.check;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class refers to, read from its class file (JVMS chapter 4) without a bytecode library: its name,
 * supertypes, declared members, and the classes, fields and methods its constant pool names. Names are binary names
 * with '/' (as in the class file), descriptors are JVM descriptors.
 *
 * @param name this class
 * @param superName the superclass (null for java/lang/Object)
 * @param interfaces the direct superinterfaces
 * @param declared the declared fields and methods as {@code name + descriptor} (a field's as {@code name:desc})
 * @param classes the classes named by CONSTANT_Class entries
 * @param members the fields and methods named by Fieldref/Methodref/InterfaceMethodref entries
 * @param descriptors every descriptor in the constant pool and of the declared members
 */
record ClassFile(String name, String superName, List<String> interfaces, Set<String> declared, Set<String> classes,
    Set<MemberRef> members, Set<String> descriptors) {

    /** A field or method named by the constant pool: owner, name and descriptor. */
    record MemberRef(boolean field, String owner, String name, String descriptor) {

        /** @return {@code name + descriptor}, or {@code name:descriptor} for a field */
        String key() {
            return field ? name + ":" + descriptor : name + descriptor;
        }
    }

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_TYPE = 16;

    /**
     * @param bytes the content of a .class file
     * @return what it refers to
     * @throws IOException if it is not a class file
     */
    static ClassFile parse(final byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file (magic number)");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        Object[] values = new Object[count];
        for (int i = 1; i < count; i++) {
            tags[i] = in.readUnsignedByte();
            values[i] = readEntry(in, tags[i]);
            if (tags[i] == 5 || tags[i] == 6) {
                i++; // long and double take two slots
            }
        }
        in.readUnsignedShort(); // access flags
        String name = className(values, in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : className(values, superIndex);
        List<String> interfaces = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            interfaces.add(className(values, in.readUnsignedShort()));
        }
        Set<String> declared = new LinkedHashSet<>();
        Set<String> descriptors = new LinkedHashSet<>();
        readMembers(in, values, true, declared, descriptors);
        readMembers(in, values, false, declared, descriptors);
        Set<String> classes = new LinkedHashSet<>();
        Set<MemberRef> members = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            switch (tags[i]) {
                case CLASS -> classes.add(className(values, i));
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    int[] ref = (int[])values[i];
                    int[] nat = (int[])values[ref[1]];
                    MemberRef m = new MemberRef(tags[i] == FIELDREF, className(values, ref[0]),
                        (String)values[nat[0]], (String)values[nat[1]]);
                    members.add(m);
                }
                case NAME_AND_TYPE -> descriptors.add((String)values[((int[])values[i])[1]]);
                case METHOD_TYPE -> descriptors.add((String)values[(Integer)values[i]]);
                default -> {
                    // constants, strings, handles, dynamic entries: their member refs are entries of their own
                }
            }
        }
        return new ClassFile(name, superName, interfaces, declared, classes, members, descriptors);
    }

    private static Object readEntry(final DataInputStream in, final int tag) throws IOException {
        switch (tag) {
            case UTF8:
                return in.readUTF();
            case 3, 4: // integer, float
                return in.readInt();
            case 5, 6: // long, double
                return in.readLong();
            case CLASS, 8, METHOD_TYPE, 19, 20: // class, string, method type, module, package
                return in.readUnsignedShort();
            case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, 17, 18: // + dynamic, invokedynamic
                return new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
            case 15: // method handle: kind, reference
                return new int[]{in.readUnsignedByte(), in.readUnsignedShort()};
            default:
                throw new IOException("unknown constant pool tag " + tag);
        }
    }

    private static String className(final Object[] values, final int classIndex) {
        return (String)values[(Integer)values[classIndex]];
    }

    private static void readMembers(final DataInputStream in, final Object[] values, final boolean fields,
        final Set<String> declared, final Set<String> descriptors) throws IOException {
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            in.readUnsignedShort(); // access flags
            String name = (String)values[in.readUnsignedShort()];
            String descriptor = (String)values[in.readUnsignedShort()];
            declared.add(fields ? name + ":" + descriptor : name + descriptor);
            descriptors.add(descriptor);
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                in.readUnsignedShort(); // attribute name
                in.skipNBytes(in.readInt());
            }
        }
    }

    /** @return the classes a descriptor mentions (element types of arrays included), binary names with '/' */
    static List<String> classesIn(final String descriptor) {
        List<String> out = new ArrayList<>();
        for (int i = descriptor.indexOf('L'); i >= 0; i = descriptor.indexOf('L', i)) {
            int end = descriptor.indexOf(';', i);
            out.add(descriptor.substring(i + 1, end));
            i = end;
        }
        return out;
    }
}
