package org.knime.core.data;

/** Stand-in helper (package-private): the singleton missing cell returned by {@link DataType#getMissingCell()}. */
final class MissingCell extends DataCell {

    private static final long serialVersionUID = 1L;

    static final MissingCell INSTANCE = new MissingCell();

    private MissingCell() {
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
