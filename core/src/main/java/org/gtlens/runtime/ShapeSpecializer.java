package org.gtlens.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Extra ONNX Runtime sessions whose dynamic batch and length are fixed to a shape that keeps coming back. Knowing
 * the shape lets ONNX Runtime fold the graph's shape arithmetic away, which makes small models 20-25 % faster per
 * run; batch extraction runs one shape over and over. Only small models are specialized (a session holds its own
 * weights), at most {@link #MAX_SESSIONS} shapes, each after {@link #RUNS_BEFORE} runs of the generic session.
 */
final class ShapeSpecializer implements AutoCloseable {

    /** Runs of one shape before a session is made for it. */
    static final int RUNS_BEFORE = 8;
    /** Most specialized sessions per model. */
    static final int MAX_SESSIONS = 2;
    /** Largest model file worth a second copy of its weights. */
    static final long MAX_MODEL_BYTES = 64L << 20;

    /** Creates a session whose named dimensions are fixed. */
    @FunctionalInterface
    interface SessionFactory {
        OrtSession create(OrtSession.SessionOptions options) throws OrtException;
    }

    private final SessionFactory factory;
    private final int intraOpThreads;
    private final String batchDim;
    private final String lengthDim;
    private final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<Long, OrtSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    /**
     * @param factory   makes a session of the same model, or null to never specialize (a large model)
     * @param batchDim  the symbolic name of the input's batch dimension
     * @param lengthDim the symbolic name of its length dimension, or null when the length is fixed
     */
    ShapeSpecializer(SessionFactory factory, int intraOpThreads, String batchDim, String lengthDim) {
        this.factory = factory;
        this.intraOpThreads = intraOpThreads;
        this.batchDim = batchDim;
        this.lengthDim = lengthDim;
        this.enabled = factory != null && batchDim != null && !batchDim.isEmpty();
    }

    /** The session to run a batch of this shape with: a specialized one when there is (or now should be) one. */
    OrtSession sessionFor(int batch, int length, OrtSession generic) {
        if (!enabled) {
            return generic;
        }
        long key = ((long) batch << 32) | length;
        OrtSession special = sessions.get(key);
        if (special != null) {
            return special;
        }
        if (sessions.size() >= MAX_SESSIONS || runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()
                < RUNS_BEFORE) {
            return generic;
        }
        synchronized (this) {
            special = sessions.get(key);
            if (special == null && enabled && sessions.size() < MAX_SESSIONS) {
                special = create(batch, length);
                if (special != null) {
                    sessions.put(key, special);
                }
            }
        }
        return special != null ? special : generic;
    }

    private OrtSession create(int batch, int length) {
        try (OrtSession.SessionOptions options = ModelLoader.sessionOptions(intraOpThreads)) {
            options.setSymbolicDimensionValue(batchDim, batch);
            if (lengthDim != null && !lengthDim.isEmpty()) {
                options.setSymbolicDimensionValue(lengthDim, length);
            }
            return factory.create(options);
        } catch (OrtException e) {
            enabled = false; // the generic session serves on; nothing is lost but speed
            return null;
        }
    }

    /** Number of specialized sessions made so far. */
    int sessions() {
        return sessions.size();
    }

    @Override
    public synchronized void close() {
        enabled = false;
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // nothing more to release
            }
        }
        sessions.clear();
    }
}
