package org.gtlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Output names are built and read back by one value type. */
class OutputNameTest {

    @Test
    void blockAndModelLevelNamesRoundTrip() {
        for (Kind kind : Kind.contract()) {
            String name = kind.outputName(11);
            assertEquals(new OutputName(11, kind.contractName()), OutputName.parse(name));
            assertEquals(name, OutputName.parse(name).toString());
        }
        assertEquals("block3.z", Interventions.z(3));
        assertEquals(new OutputName(3, Interventions.Z), OutputName.parse("block3.z"));
        OutputName logprobs = OutputName.parse(Kind.FINAL_LOGPROBS);
        assertFalse(logprobs.inBlock());
        assertEquals("logprobs", logprobs.toString());
        assertTrue(OutputName.parse("block0.attention").inBlock());
    }

    @Test
    void otherTextIsNoOutputName() {
        assertNull(OutputName.parse("block.keys"));
        assertNull(OutputName.parse("blockX.keys"));
        assertNull(OutputName.parse("Block1.keys"));
        assertNull(OutputName.parse("block1.keys.extra"));
        assertNull(OutputName.parse("block99999999999.keys"));
        assertThrows(IllegalArgumentException.class, () -> OutputName.of(-1, "keys"));
    }
}
