package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.util.CheckUtils;

/** NodeLogger (java.util.logging) and CheckUtils of the stand-in. */
class LoggerAndChecksTest {

    @Test
    void nodeLoggerWritesToJavaUtilLogging() {
        Logger jul = Logger.getLogger(LoggerAndChecksTest.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(final LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        jul.setUseParentHandlers(false);
        try {
            NodeLogger log = NodeLogger.getLogger(LoggerAndChecksTest.class);
            log.warn("careful");
            log.error("broken", new IllegalStateException("x"));
            log.infoWithFormat("%d rows", 3);
            log.coding(() -> "bug");
            assertEquals(List.of(Level.WARNING, Level.SEVERE, Level.INFO, Level.SEVERE),
                records.stream().map(LogRecord::getLevel).toList());
            assertEquals("3 rows", records.get(2).getMessage());
            assertTrue(records.get(1).getThrown() instanceof IllegalStateException);
            assertTrue(log.isEnabledFor(NodeLogger.LEVEL.WARN));
        } finally {
            jul.setUseParentHandlers(true);
            jul.removeHandler(h);
        }
    }

    @Test
    void checkUtilsFormatMessages() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> CheckUtils.checkSetting(false, "Column \"%s\" missing", "text"));
        assertEquals("Column \"text\" missing", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckUtils.checkArgument(false, "bad %d", 1));
        assertThrows(IllegalStateException.class, () -> CheckUtils.checkState(false, "state"));
        assertEquals("v", CheckUtils.checkNotNull("v", "msg"));
        assertThrows(NullPointerException.class, () -> CheckUtils.checkNotNull(null, "null %s", "x"));
    }
}
