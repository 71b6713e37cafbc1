package org.knime.core.node.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Stand-in for KNIME's {@code Config} (compile/test only, never shipped): a settings tree that also stores
 * sub-configs, data cells (Java-serialized into a sub-config), row keys (as strings) and data types (saved with
 * {@link DataType#save(ConfigWO)}).
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    private static final String SIZE = "array-size";

    private static final String CELL_CLASS = "datacell";

    private static final String CELL_DATA = "datacell_serialized";

    private static final String IS_NULL = "is_null";

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        if (getEntry(key) instanceof Config c) {
            return c;
        }
        throw new InvalidSettingsException("No sub-config stored under key \"" + key + "\"");
    }

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        Config c = addConfig(key);
        if (cell == null) {
            c.addString(CELL_CLASS, null);
            return;
        }
        c.addString(CELL_CLASS, cell.getClass().getName());
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cell);
            out.flush();
            c.addString(CELL_DATA, Base64.getEncoder().encodeToString(bytes.toByteArray()));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot store cell " + cell + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (c.getString(CELL_CLASS) == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(c.getString(CELL_DATA));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (DataCell)in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new InvalidSettingsException("Cannot read cell for key \"" + key + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        try {
            return getDataCell(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... values) {
        Config c = addConfig(key);
        if (values != null) {
            c.addInt(SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                c.addDataCell(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        int n = c.getInt(SIZE, -1);
        if (n < 0) {
            return null;
        }
        DataCell[] cells = new DataCell[n];
        for (int i = 0; i < n; i++) {
            cells[i] = c.getDataCell(Integer.toString(i));
        }
        return cells;
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        try {
            return getDataCellArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataType(final String key, final DataType type) {
        Config c = addConfig(key);
        c.addBoolean(IS_NULL, type == null);
        if (type != null) {
            type.save(c);
        }
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (c.getBoolean(IS_NULL)) {
            return null;
        }
        return DataType.load(c);
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        try {
            return getDataType(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataTypeArray(final String key, final DataType... values) {
        Config c = addConfig(key);
        if (values != null) {
            c.addInt(SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                c.addDataType(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public DataType[] getDataTypeArray(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        int n = c.getInt(SIZE, -1);
        if (n < 0) {
            return null;
        }
        DataType[] types = new DataType[n];
        for (int i = 0; i < n; i++) {
            types[i] = c.getDataType(Integer.toString(i));
        }
        return types;
    }

    @Override
    public DataType[] getDataTypeArray(final String key, final DataType... v) {
        try {
            return getDataTypeArray(key);
        } catch (InvalidSettingsException e) {
            return v;
        }
    }

    @Override
    public void addRowKey(final String key, final RowKey rowKey) {
        addString(key, rowKey == null ? null : rowKey.getString());
    }

    @Override
    public RowKey getRowKey(final String key) throws InvalidSettingsException {
        String s = getString(key);
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey getRowKey(final String key, final RowKey def) {
        try {
            return getRowKey(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addRowKeyArray(final String key, final RowKey... rowKey) {
        addStringArray(key, rowKey == null ? null : RowKey.toStrings(rowKey));
    }

    @Override
    public RowKey[] getRowKeyArray(final String key) throws InvalidSettingsException {
        String[] s = getStringArray(key);
        return s == null ? null : RowKey.toRowKeys(s);
    }

    @Override
    public RowKey[] getRowKeyArray(final String key, final RowKey... def) {
        try {
            return getRowKeyArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String toString() {
        return getKey();
    }
}
