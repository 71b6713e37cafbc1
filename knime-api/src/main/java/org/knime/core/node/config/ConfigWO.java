package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Stand-in for KNIME's {@code ConfigWO} (compile/test only, never shipped): write access to settings trees that
 * can also hold sub-configs, data cells, row keys and data types.
 */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);

    void addDataCell(String key, DataCell cell);

    void addRowKey(String key, RowKey rowKey);

    void addRowKeyArray(String key, RowKey... rowKey);

    void addDataType(String key, DataType type);

    void addDataCellArray(String key, DataCell... values);

    void addDataTypeArray(String key, DataType... values);
}
