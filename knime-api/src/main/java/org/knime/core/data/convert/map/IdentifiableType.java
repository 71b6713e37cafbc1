package org.knime.core.data.convert.map;

/**
 * Stand-in for KNIME's {@code IdentifiableType} (compile/test only, never shipped); needed because
 * {@link org.knime.core.data.DataType} implements it in the real API.
 */
public interface IdentifiableType {

    String getIdentifier();
}
