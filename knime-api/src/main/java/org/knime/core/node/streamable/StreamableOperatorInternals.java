package org.knime.core.node.streamable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Stand-in for KNIME's {@code StreamableOperatorInternals} (compile/test only, never shipped). */
public abstract class StreamableOperatorInternals {

    /** Default constructor. */
    public StreamableOperatorInternals() {
    }

    public abstract void load(DataInputStream input) throws IOException;

    public abstract void save(DataOutputStream output) throws IOException;
}
