package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Stand-in for KNIME's {@code PortObjectZipInputStream} (compile/test only, never shipped): a real zip stream; as in KNIME it is created
 * by the framework only (package-private constructor; tests use the harness in the test-jar).
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
