package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code RowKeyValue} (compile/test only, never shipped); needed because RowKey implements it in the real API.
 */
public interface RowKeyValue {

    String getString();
}
