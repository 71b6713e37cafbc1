package org.knime.core.node;

import java.util.List;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.TestRowInput;
import org.knime.core.node.streamable.TestRowOutput;

/**
 * Test support (test-jar of the knime-api stand-in): what {@link NodeTestHarness#runStreamable} observed.
 *
 * @param outputs the output port objects (tables for data ports)
 * @param inputs the inputs given to the operator ({@link TestRowInput} for streamable ports)
 * @param portOutputs the outputs given to the operator ({@link TestRowOutput} for data ports)
 * @param iterations how often {@code NodeModel#iterate} asked for another intermediate run
 */
public record StreamingResult(PortObject[] outputs, List<PortInput> inputs, List<PortOutput> portOutputs,
    int iterations) {

    /**
     * @param port an output index
     * @return the output table of that port
     */
    public BufferedDataTable table(final int port) {
        return (BufferedDataTable)outputs[port];
    }

    /**
     * @param port an input index
     * @return the row input of that port (only for streamable ports)
     */
    public TestRowInput rowInput(final int port) {
        return (TestRowInput)inputs.get(port);
    }

    /** @return whether every row input was closed or read to the end */
    public boolean allRowInputsDone() {
        return inputs.stream().filter(i -> i instanceof TestRowInput).map(i -> (TestRowInput)i)
            .allMatch(i -> i.isClosed() || i.polledRows() == i.rowCount());
    }
}
