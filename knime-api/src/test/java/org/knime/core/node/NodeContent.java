package org.knime.core.node;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import org.knime.core.node.port.PortObject;

/**
 * Test support: what KNIME's {@code Node} keeps for a node model besides the model itself, its outputs and the
 * tables of a {@link BufferedDataTableHolder} (knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/
 * Node.java}, {@code analytics-platform/5.5.3}, unchanged on master): after a successful execute it takes
 * {@code getInternalTables()} (a copy of the array; a table that is one of the inputs is wrapped with the execution
 * context's {@code createWrappedTable}; {@code assignInternalHeldObjects}); when the node is reset it disposes them
 * after the model's {@code reset()} ({@code NativeNodeContainer#performReset}, {@code Node#cleanOutPorts}), so a
 * model still reading one fails; after a load it calls {@code setInternalTables} with (a copy of the array of) the
 * loaded tables, after {@code loadInternals} ({@code loadDataAndInternals}).
 */
final class NodeContent {

    /** Outputs and internal tables of one node (null when absent). */
    private record Content(PortObject[] outputs, BufferedDataTable[] internal) {
    }

    private static final Map<NodeModel, Content> CONTENT = Collections.synchronizedMap(new WeakHashMap<>());

    private NodeContent() {
    }

    /** After a successful execute: keeps the outputs and takes the model's internal tables, inputs wrapped. */
    static void executed(final NodeModel model, final PortObject[] inputs, final PortObject[] outputs,
        final ExecutionContext exec) {
        BufferedDataTable[] held = model instanceof BufferedDataTableHolder holder ? holder.getInternalTables() : null;
        if (held != null) {
            held = held.clone();
            for (int i = 0; i < held.length; i++) {
                if (held[i] != null && Arrays.asList(inputs).contains(held[i])) {
                    held[i] = exec.createWrappedTable(held[i]);
                }
            }
        }
        CONTENT.put(model, new Content(outputs.clone(), held));
    }

    /** At reset (after the model's reset()): forgets the outputs and disposes the internal tables. */
    static void reset(final NodeModel model) {
        Content c = CONTENT.remove(model);
        if (c != null && c.internal() != null) {
            Arrays.stream(c.internal()).filter(Objects::nonNull).forEach(BufferedDataTable::clear);
        }
    }

    /** @return the outputs KNIME holds for the model (null if not executed or loaded) */
    static PortObject[] outputs(final NodeModel model) {
        Content c = CONTENT.get(model);
        return c == null || c.outputs() == null ? null : c.outputs().clone();
    }

    /** @return the internal tables KNIME holds for the model (null if none) */
    static BufferedDataTable[] internalTables(final NodeModel model) {
        Content c = CONTENT.get(model);
        return c == null || c.internal() == null ? null : c.internal().clone();
    }

    /** After a load: holds the outputs and gives the model the loaded tables (after its loadInternals). */
    static void loaded(final NodeModel model, final PortObject[] outputs, final BufferedDataTable[] tables) {
        CONTENT.put(model, new Content(outputs == null ? null : outputs.clone(),
            tables == null ? null : tables.clone()));
        if (tables != null && model instanceof BufferedDataTableHolder holder) {
            holder.setInternalTables(tables.clone());
        }
    }
}
