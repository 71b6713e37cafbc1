package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

import javax.swing.tree.TreeNode;

/**
 * Stand-in for KNIME's {@code AbstractConfigEntry} (compile/test only, never shipped): one keyed node in a settings
 * tree, either a value (package-private {@link ValueEntry}) or a sub-tree ({@link ConfigBase}).
 */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {

    private static final long serialVersionUID = 1L;

    private String m_key;

    private AbstractConfigEntry m_parent;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("A settings key must not be null");
        }
        m_key = key;
    }

    /** @return the key of this entry */
    public final String getKey() {
        return m_key;
    }

    /** @param parent the new parent, may be null */
    public final void setParent(final AbstractConfigEntry parent) {
        m_parent = parent;
    }

    /** @return the value as string (the key for sub-trees) */
    public abstract String toStringValue();

    /** Whether the other entry is of the same class and has the same value (recursively). */
    abstract boolean sameValue(AbstractConfigEntry other);

    /**
     * @param ace the other entry
     * @return whether key and value are identical
     */
    public final boolean isIdentical(final AbstractConfigEntry ace) {
        return ace != null && ace.getClass() == getClass() && m_key.equals(ace.m_key) && sameValue(ace);
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || (o instanceof AbstractConfigEntry a && isIdentical(a));
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), m_key);
    }

    @Override
    public String toString() {
        return m_key + " -> " + toStringValue();
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return null;
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public final TreeNode getParent() {
        return m_parent;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public final boolean getAllowsChildren() {
        return !isLeaf();
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }
}
