package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's {@code ImageContent} (compile/test only, never shipped): an image held by port objects. */
public interface ImageContent {

    void paint(Graphics2D g, int maxWidth, int maxHeight);

    Dimension getPreferredSize();

    DataCell toImageCell();

    void save(OutputStream out) throws IOException;

    String getSummary();
}
