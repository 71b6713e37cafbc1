package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.TestExecution;

/** Progress and cancelation of the stand-in's execution monitors/contexts. */
class ExecutionTest {

    @Test
    void progressIsRecordedAndSubProgressIsScaled() {
        TestExecution ex = TestExecution.create();
        ExecutionContext exec = ex.context();
        exec.setProgress(0.1, "start");
        ExecutionContext sub = exec.createSubExecutionContext(0.5);
        sub.setProgress(0.5, "half of sub");
        assertEquals(0.35, ex.progress(), 1e-9);
        sub.setProgress(1.0);
        ExecutionMonitor silent = exec.createSilentSubProgress(0.2);
        silent.setProgress(1.0, "not shown");
        exec.setMessage(() -> "done");
        assertEquals(0.8, ex.progress(), 1e-9);
        assertEquals("done", ex.message());
        assertEquals(List.of("start", "half of sub", "done"), ex.messages());
        assertEquals(List.of(0.1, 0.35, 0.6, 0.8), ex.progressValues().stream()
            .map(d -> Math.round(d * 100) / 100.0).toList());
        assertEquals(new TestExecution.ProgressEvent(0.1, "start"), ex.events().get(0));
    }

    @Test
    void cancelMakesCheckCanceledThrow() throws Exception {
        TestExecution ex = TestExecution.create();
        ExecutionContext exec = ex.context();
        exec.checkCanceled();
        ex.cancelAfterChecks(2);
        exec.checkCanceled();
        exec.createSubProgress(0.5).checkCanceled();
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertTrue(ex.isCanceled());
        assertEquals(4, ex.cancelChecks());
        assertDoesNotThrow(() -> exec.createNonCancelableSubProgress().checkCanceled());
        assertThrows(CanceledExecutionException.class, () -> exec.createSubExecutionContext(0.1).checkCanceled());

        TestExecution other = TestExecution.create();
        other.cancel();
        assertThrows(CanceledExecutionException.class, () -> other.context().checkCanceled());
        new ExecutionMonitor().checkCanceled();
    }
}
