package org.gtlens.knime.port;

import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What a GTransformer port carries, known at configure time: the model's shape (k, heads, depth, t, num_tokens),
 * its vocabulary labels and description. Enough for downstream nodes to build their output specs without the model.
 */
public final class GTransformerPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Serializer found by KNIME (and registered in plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<GTransformerPortObjectSpec> {
    }

    private ModelInfo m_info;

    /** For the serializer only. */
    public GTransformerPortObjectSpec() {
    }

    /** @param info the model's facts */
    public GTransformerPortObjectSpec(final ModelInfo info) {
        m_info = Objects.requireNonNull(info);
    }

    /** @return the model's facts */
    public ModelInfo getInfo() {
        return m_info;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("source", m_info.source());
        model.addInt("k", m_info.k());
        model.addInt("heads", m_info.heads());
        model.addInt("depth", m_info.depth());
        model.addInt("t", m_info.t());
        model.addInt("num_tokens", m_info.numTokens());
        model.addStringArray("vocab", m_info.vocab().toArray(new String[0]));
        model.addString("scaling", m_info.scaling().contractName());
        model.addString("description", m_info.description());
        model.addBoolean("fixed_length", m_info.fixedLength());
        model.addLong("size_bytes", m_info.sizeBytes());
        model.addInt("contract", m_info.contract());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        Scaling scaling = Scaling.fromContractName(model.getString("scaling"));
        if (scaling == null) {
            throw new InvalidSettingsException("Unknown attention scaling '" + model.getString("scaling") + "'.");
        }
        List<String> vocab = Arrays.asList(model.getStringArray("vocab"));
        try {
            m_info = new ModelInfo(model.getString("source"), model.getInt("k"), model.getInt("heads"),
                model.getInt("depth"), model.getInt("t"), model.getInt("num_tokens"), vocab, scaling,
                model.getString("description"), model.getBoolean("fixed_length"), model.getLong("size_bytes"),
                model.getInt("contract", 1)); // specs saved before the key existed describe version-1 models
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Stored model facts are inconsistent: " + e.getMessage() + ".");
        }
    }

    /** @return the facts as a few lines of text */
    public String getSummary() {
        return m_info == null ? "No model" : m_info.summary();
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(getSummary());
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JScrollPane pane = new JScrollPane(text);
        pane.setName("GTransformer");
        return new JComponent[]{pane};
    }

    @Override
    public boolean equals(final Object ospec) {
        return ospec instanceof GTransformerPortObjectSpec o && Objects.equals(m_info, o.m_info);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(m_info);
    }

    @Override
    public String toString() {
        return m_info == null ? "GTransformer (no model)" : "GTransformer " + m_info.source() + " (k=" + m_info.k()
            + ", heads=" + m_info.heads() + ", depth=" + m_info.depth() + ", t=" + m_info.t() + ", num_tokens="
            + m_info.numTokens() + ")";
    }
}
