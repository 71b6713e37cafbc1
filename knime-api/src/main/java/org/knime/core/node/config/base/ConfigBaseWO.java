package org.knime.core.node.config.base;

/**
 * Stand-in for KNIME's {@code ConfigBaseWO} (compile/test only, never shipped): write access to a tree of typed
 * settings. Adding under an existing key replaces the old entry.
 */
public interface ConfigBaseWO {

    ConfigBase addConfigBase(String key);

    String getKey();

    void addInt(String key, int value);

    void addDouble(String key, double value);

    void addFloat(String key, float value);

    void addChar(String key, char value);

    void addShort(String key, short value);

    void addLong(String key, long value);

    void addByte(String key, byte value);

    void addString(String key, String value);

    void addBoolean(String key, boolean value);

    void addIntArray(String key, int... values);

    void addDoubleArray(String key, double... values);

    void addFloatArray(String key, float... values);

    void addByteArray(String key, byte... values);

    void addShortArray(String key, short... values);

    void addLongArray(String key, long... values);

    void addCharArray(String key, char... values);

    void addBooleanArray(String key, boolean... values);

    void addStringArray(String key, String... values);

    void addPassword(String key, String encryptionKey, String value);

    void addTransientString(String key, String value);
}
