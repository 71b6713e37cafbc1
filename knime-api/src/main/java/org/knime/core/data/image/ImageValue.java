package org.knime.core.data.image;

import org.knime.core.data.DataValue;

/** Stand-in for KNIME's {@code ImageValue} (compile/test only, never shipped): cells holding an image. */
public interface ImageValue extends DataValue {

    ImageContent getImageContent();

    String getImageExtension();
}
