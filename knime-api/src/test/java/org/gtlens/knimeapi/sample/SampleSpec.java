package org.gtlens.knimeapi.sample;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** A plugin-style model spec (as the GT Lens model port spec would be written). */
public final class SampleSpec extends AbstractSimplePortObjectSpec {

    /** Serializer, registered in plugin.xml in KNIME. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<SampleSpec> {
    }

    private String m_name;

    private int[] m_dims;

    /** Framework constructor. */
    public SampleSpec() {
    }

    /**
     * @param name a name
     * @param dims some ints
     */
    public SampleSpec(final String name, final int... dims) {
        m_name = name;
        m_dims = dims;
    }

    /** @return the name */
    public String getName() {
        return m_name;
    }

    /** @return the ints */
    public int[] getDims() {
        return m_dims;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("name", m_name);
        model.addIntArray("dims", m_dims);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_name = model.getString("name");
        m_dims = model.getIntArray("dims");
    }
}
