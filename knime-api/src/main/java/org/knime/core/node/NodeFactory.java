package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code NodeFactory} (compile/test only, never shipped): creates a node's model, views and
 * dialog. KNIME reads the node description from {@code <FactoryName>.xml} next to the factory class; the stand-in
 * does not (the plugin's tests check that file themselves).
 *
 * <p>The Swing API ({@code createNodeView}, {@code hasDialog}, {@code createNodeDialogPane}) is deprecated for
 * removal since 5.6 (knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/NodeFactory.java} at
 * {@code analytics-platform/5.11.0} and master; not deprecated at {@code analytics-platform/5.5.3}): a factory must
 * still implement it, and its build warns {@code [removal]} as against the real API.
 *
 * @param <T> the model class
 */
public abstract class NodeFactory<T extends NodeModel> {

    private final boolean m_lazy;

    /** Default constructor. */
    protected NodeFactory() {
        this(false);
    }

    /** @param lazyInitialization whether {@code init()} is deferred (kept, no effect in the stand-in) */
    protected NodeFactory(final boolean lazyInitialization) {
        m_lazy = lazyInitialization;
    }

    /** Initializes the factory; does nothing in the stand-in. */
    public void init() {
        // nothing to read
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    @Deprecated(since = "5.6", forRemoval = true)
    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract boolean hasDialog();

    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract NodeDialogPane createNodeDialogPane();

    /** @return whether the factory was created for lazy initialization */
    public final boolean isLazilyInitialized() {
        return m_lazy;
    }
}
