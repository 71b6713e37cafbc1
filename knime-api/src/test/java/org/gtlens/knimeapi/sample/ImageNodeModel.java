package org.gtlens.knimeapi.sample;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;

import javax.imageio.ImageIO;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/** A plugin-style node with a table and an image output and no streaming code (uses KNIME's default operator). */
public final class ImageNodeModel extends NodeModel {

    private static final DataTableSpec OUT = new DataTableSpec(new String[]{"sum"}, new DataType[]{DoubleCell.TYPE});

    /** Creates the model. */
    public ImageNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        if (!in.getColumnSpec(0).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("first column must be numeric");
        }
        return new PortObjectSpec[]{OUT, new ImagePortObjectSpec(PNGImageContent.TYPE)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable in = (BufferedDataTable)inObjects[0];
        double sum = 0;
        long i = 0;
        for (DataRow r : in) {
            exec.checkCanceled();
            sum += ((DoubleValue)r.getCell(0)).getDoubleValue();
            exec.setProgress(++i / (double)in.size());
        }
        BufferedDataContainer c = exec.createDataContainer(OUT);
        c.addRowToTable(new DefaultRow("sum", new DoubleCell(sum)));
        c.close();
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return new PortObject[]{c.getTable(),
            new ImagePortObject(new PNGImageContent(png.toByteArray()), new ImagePortObjectSpec(PNGImageContent.TYPE))};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) {
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
    }

    @Override
    protected void reset() {
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
    }
}
