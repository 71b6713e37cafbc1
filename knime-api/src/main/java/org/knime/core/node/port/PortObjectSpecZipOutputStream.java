package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Stand-in for KNIME's {@code PortObjectSpecZipOutputStream} (compile/test only, never shipped): a real zip stream; as in KNIME it is created
 * by the framework only (package-private constructor; tests use the harness in the test-jar).
 */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
