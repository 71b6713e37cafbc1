package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ValueEntry.Type;

/**
 * Stand-in for KNIME's {@code ConfigBase} (compile/test only, never shipped): an ordered, in-memory tree of typed
 * settings. Arrays are stored as a sub-tree holding {@code array-size} and one entry per index, so an array key is
 * also a sub-config key, as in KNIME. Passwords are kept as given (the encryption key is not used), transient
 * strings are kept in memory only. {@link #saveToXML(OutputStream)} writes a simple XML form of the stand-in's own.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final long serialVersionUID = 1L;

    private static final String ARRAY_SIZE = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    /** @param key the key of this tree */
    public ConfigBase(final String key) {
        super(key);
    }

    /**
     * @param key the key of the new, empty tree
     * @return a new instance of the concrete class
     */
    public abstract ConfigBase getInstance(String key);

    // ------------------------------------------------------------------ entries

    private void put(final AbstractConfigEntry e) {
        m_map.put(e.getKey(), e);
        e.setParent(this);
    }

    private void putValue(final String key, final Type type, final Object value) {
        put(new ValueEntry(key, type, value));
    }

    private Object value(final String key, final Type type, final String label) throws InvalidSettingsException {
        AbstractConfigEntry e = m_map.get(key);
        if (e instanceof ValueEntry v && v.type() == type) {
            return v.value();
        }
        throw new InvalidSettingsException("No " + label + " value stored under key \"" + key + "\"");
    }

    private Object valueOr(final String key, final Type type, final Object def) {
        AbstractConfigEntry e = m_map.get(key);
        if (e instanceof ValueEntry v && v.type() == type) {
            return v.value();
        }
        return def;
    }

    /**
     * @param key the key
     * @return the entry stored under the key, or null
     */
    public AbstractConfigEntry getEntry(final String key) {
        return m_map.get(key);
    }

    /** @param entry an entry to add (a value or a sub-tree), replacing one with the same key */
    public void addEntry(final AbstractConfigEntry entry) {
        put(entry);
    }

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        put(c);
        return c;
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        AbstractConfigEntry e = m_map.get(key);
        if (e instanceof ConfigBase c) {
            return c;
        }
        throw new InvalidSettingsException("No sub-config stored under key \"" + key + "\"");
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    // ------------------------------------------------------------------ scalars

    @Override
    public void addInt(final String key, final int value) {
        putValue(key, Type.INT, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)value(key, Type.INT, "int");
    }

    @Override
    public int getInt(final String key, final int def) {
        return (Integer)valueOr(key, Type.INT, def);
    }

    @Override
    public void addDouble(final String key, final double value) {
        putValue(key, Type.DOUBLE, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)value(key, Type.DOUBLE, "double");
    }

    @Override
    public double getDouble(final String key, final double def) {
        return (Double)valueOr(key, Type.DOUBLE, def);
    }

    @Override
    public void addFloat(final String key, final float value) {
        putValue(key, Type.FLOAT, value);
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        return (Float)value(key, Type.FLOAT, "float");
    }

    @Override
    public float getFloat(final String key, final float def) {
        return (Float)valueOr(key, Type.FLOAT, def);
    }

    @Override
    public void addChar(final String key, final char value) {
        putValue(key, Type.CHAR, value);
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        return (Character)value(key, Type.CHAR, "char");
    }

    @Override
    public char getChar(final String key, final char def) {
        return (Character)valueOr(key, Type.CHAR, def);
    }

    @Override
    public void addShort(final String key, final short value) {
        putValue(key, Type.SHORT, value);
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        return (Short)value(key, Type.SHORT, "short");
    }

    @Override
    public short getShort(final String key, final short def) {
        return (Short)valueOr(key, Type.SHORT, def);
    }

    @Override
    public void addLong(final String key, final long value) {
        putValue(key, Type.LONG, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)value(key, Type.LONG, "long");
    }

    @Override
    public long getLong(final String key, final long def) {
        return (Long)valueOr(key, Type.LONG, def);
    }

    @Override
    public void addByte(final String key, final byte value) {
        putValue(key, Type.BYTE, value);
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        return (Byte)value(key, Type.BYTE, "byte");
    }

    @Override
    public byte getByte(final String key, final byte def) {
        return (Byte)valueOr(key, Type.BYTE, def);
    }

    @Override
    public void addString(final String key, final String value) {
        putValue(key, Type.STRING, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)value(key, Type.STRING, "string");
    }

    @Override
    public String getString(final String key, final String def) {
        AbstractConfigEntry e = m_map.get(key);
        return e instanceof ValueEntry v && v.type() == Type.STRING ? (String)v.value() : def;
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(key, Type.BOOLEAN, value);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)value(key, Type.BOOLEAN, "boolean");
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        return (Boolean)valueOr(key, Type.BOOLEAN, def);
    }

    @Override
    public void addPassword(final String key, final String encryptionKey, final String value) {
        putValue(key, Type.PASSWORD, value);
    }

    @Override
    public String getPassword(final String key, final String encryptionKey) throws InvalidSettingsException {
        return (String)value(key, Type.PASSWORD, "password");
    }

    @Override
    public String getPassword(final String key, final String encryptionKey, final String def) {
        AbstractConfigEntry e = m_map.get(key);
        return e instanceof ValueEntry v && v.type() == Type.PASSWORD ? (String)v.value() : def;
    }

    @Override
    public void addTransientString(final String key, final String value) {
        putValue(key, Type.TRANSIENT_STRING, value);
    }

    @Override
    public String getTransientString(final String key) {
        AbstractConfigEntry e = m_map.get(key);
        return e instanceof ValueEntry v && v.type() == Type.TRANSIENT_STRING ? (String)v.value() : null;
    }

    // ------------------------------------------------------------------ arrays (sub-trees with array-size)

    /** Adds an array as sub-tree; a null array is stored as a sub-tree without size. */
    private void putArray(final String key, final Object array, final Type type) {
        ConfigBase sub = addConfigBase(key);
        if (array == null) {
            return;
        }
        int n = java.lang.reflect.Array.getLength(array);
        sub.addInt(ARRAY_SIZE, n);
        for (int i = 0; i < n; i++) {
            sub.putValue(Integer.toString(i), type, java.lang.reflect.Array.get(array, i));
        }
    }

    /** Reads an array sub-tree into a new array of the given component type, or null when stored as null. */
    private Object getArray(final String key, final Type type, final Class<?> component)
        throws InvalidSettingsException {
        ConfigBase sub = getConfigBase(key);
        int n = sub.getInt(ARRAY_SIZE, -1);
        if (n < 0) {
            return null;
        }
        Object array = java.lang.reflect.Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            java.lang.reflect.Array.set(array, i, sub.value(Integer.toString(i), type, type.name().toLowerCase()));
        }
        return array;
    }

    private Object getArrayOr(final String key, final Type type, final Class<?> component, final Object def) {
        try {
            return getArray(key, type, component);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        putArray(key, values, Type.INT);
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        return (int[])getArray(key, Type.INT, int.class);
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        return (int[])getArrayOr(key, Type.INT, int.class, def);
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        putArray(key, values, Type.DOUBLE);
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        return (double[])getArray(key, Type.DOUBLE, double.class);
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        return (double[])getArrayOr(key, Type.DOUBLE, double.class, def);
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        putArray(key, values, Type.FLOAT);
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        return (float[])getArray(key, Type.FLOAT, float.class);
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        return (float[])getArrayOr(key, Type.FLOAT, float.class, def);
    }

    @Override
    public void addByteArray(final String key, final byte... values) {
        putArray(key, values, Type.BYTE);
    }

    @Override
    public byte[] getByteArray(final String key) throws InvalidSettingsException {
        return (byte[])getArray(key, Type.BYTE, byte.class);
    }

    @Override
    public byte[] getByteArray(final String key, final byte... def) {
        return (byte[])getArrayOr(key, Type.BYTE, byte.class, def);
    }

    @Override
    public void addShortArray(final String key, final short... values) {
        putArray(key, values, Type.SHORT);
    }

    @Override
    public short[] getShortArray(final String key) throws InvalidSettingsException {
        return (short[])getArray(key, Type.SHORT, short.class);
    }

    @Override
    public short[] getShortArray(final String key, final short... def) {
        return (short[])getArrayOr(key, Type.SHORT, short.class, def);
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        putArray(key, values, Type.LONG);
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        return (long[])getArray(key, Type.LONG, long.class);
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        return (long[])getArrayOr(key, Type.LONG, long.class, def);
    }

    @Override
    public void addCharArray(final String key, final char... values) {
        putArray(key, values, Type.CHAR);
    }

    @Override
    public char[] getCharArray(final String key) throws InvalidSettingsException {
        return (char[])getArray(key, Type.CHAR, char.class);
    }

    @Override
    public char[] getCharArray(final String key, final char... def) {
        return (char[])getArrayOr(key, Type.CHAR, char.class, def);
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        putArray(key, values, Type.BOOLEAN);
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        return (boolean[])getArray(key, Type.BOOLEAN, boolean.class);
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        return (boolean[])getArrayOr(key, Type.BOOLEAN, boolean.class, def);
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        putArray(key, values, Type.STRING);
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        return (String[])getArray(key, Type.STRING, String.class);
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        return (String[])getArrayOr(key, Type.STRING, String.class, def);
    }

    // ------------------------------------------------------------------ copy, compare, print

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase c) {
                c.copyTo(dest.addConfigBase(c.getKey()));
            } else {
                copyValue((ValueEntry)e, dest);
            }
        }
    }

    private static void copyValue(final ValueEntry v, final ConfigBaseWO dest) {
        String k = v.getKey();
        Object o = v.value();
        switch (v.type()) {
            case INT -> dest.addInt(k, (Integer)o);
            case DOUBLE -> dest.addDouble(k, (Double)o);
            case FLOAT -> dest.addFloat(k, (Float)o);
            case CHAR -> dest.addChar(k, (Character)o);
            case SHORT -> dest.addShort(k, (Short)o);
            case LONG -> dest.addLong(k, (Long)o);
            case BYTE -> dest.addByte(k, (Byte)o);
            case STRING -> dest.addString(k, (String)o);
            case BOOLEAN -> dest.addBoolean(k, (Boolean)o);
            case PASSWORD -> dest.addPassword(k, "", (String)o);
            case TRANSIENT_STRING -> dest.addTransientString(k, (String)o);
            default -> throw new IllegalStateException(v.type().name());
        }
    }

    @Override
    boolean sameValue(final AbstractConfigEntry other) {
        return hasIdenticalValue(other);
    }

    /**
     * @param otherConfig another tree of the same class
     * @return whether both hold identical entries (recursively)
     */
    public boolean hasIdenticalValue(final AbstractConfigEntry otherConfig) {
        if (!(otherConfig instanceof ConfigBase o) || o.m_map.size() != m_map.size()) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            AbstractConfigEntry theirs = o.m_map.get(e.getKey());
            if (theirs == null || !e.getValue().isIdentical(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final String toStringValue() {
        return getKey();
    }

    @Override
    public String toString() {
        return getKey();
    }

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        try (Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            writeXml(w, 0);
        }
    }

    private void writeXml(final Writer w, final int indent) throws IOException {
        String pad = "  ".repeat(indent);
        w.write(pad + "<config key=\"" + xml(getKey()) + "\">\n");
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase c) {
                c.writeXml(w, indent + 1);
            } else {
                ValueEntry v = (ValueEntry)e;
                if (v.type() == Type.TRANSIENT_STRING) {
                    continue;
                }
                Object o = v.value();
                w.write(pad + "  <entry key=\"" + xml(v.getKey()) + "\" type=\"" + v.type().name().toLowerCase()
                    + "\"" + (o == null ? " isnull=\"true\"" : " value=\"" + xml(String.valueOf(o)) + "\"")
                    + "/>\n");
            }
        }
        w.write(pad + "</config>\n");
    }

    private static String xml(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ tree node

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return new ArrayList<>(m_map.values()).get(childIndex);
    }

    @Override
    public int getChildCount() {
        return m_map.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        List<AbstractConfigEntry> children = new ArrayList<>(m_map.values());
        return children.indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return m_map.isEmpty();
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(new ArrayList<TreeNode>(m_map.values()));
    }
}
