package org.knime.core.node;

import java.util.IllegalFormatException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stand-in for KNIME's {@code NodeLogger} (compile/test only, never shipped): logs through
 * {@link java.util.logging} (by default INFO and above go to stderr). Levels map as DEBUG to FINE, INFO to INFO,
 * WARN to WARNING, ERROR/FATAL/CODING to SEVERE.
 */
public final class NodeLogger {

    /** Log levels, as in KNIME. */
    public enum LEVEL {
        DEBUG, INFO, WARN, ERROR, FATAL, ALL, OFF
    }

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    /**
     * @param c a class
     * @return the logger named after it
     */
    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    /**
     * @param s a name
     * @return the logger of that name
     */
    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    private void log(final Level level, final Object o, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.logp(level, m_logger.getName(), null, String.valueOf(o), t);
        }
    }

    private void log(final Level level, final Supplier<Object> s, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.logp(level, m_logger.getName(), null, String.valueOf(s.get()), t);
        }
    }

    private void logFormat(final Level level, final String format, final Object... args) {
        if (m_logger.isLoggable(level)) {
            String msg;
            try {
                msg = String.format(format, args);
            } catch (IllegalFormatException e) {
                msg = format;
            }
            m_logger.logp(level, m_logger.getName(), null, msg);
        }
    }

    /** @param o the message */
    public void warn(final Object o) {
        log(Level.WARNING, o, null);
    }

    /** @param thrw the exception */
    public void warn(final Throwable thrw) {
        log(Level.WARNING, thrw.getMessage(), thrw);
    }

    /** @param supplier supplies the message */
    public void warn(final Supplier<Object> supplier) {
        log(Level.WARNING, supplier, null);
    }

    /** @param o the message */
    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    /** @param thrw the exception */
    public void debug(final Throwable thrw) {
        log(Level.FINE, thrw.getMessage(), thrw);
    }

    /** @param supplier supplies the message */
    public void debug(final Supplier<Object> supplier) {
        log(Level.FINE, supplier, null);
    }

    /** @param o the message */
    public void debugWithoutContext(final Object o) {
        debug(o);
    }

    /** @param supplier supplies the message */
    public void debugWithoutContext(final Supplier<Object> supplier) {
        debug(supplier);
    }

    /** @param o the message */
    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    /** @param thrw the exception */
    public void info(final Throwable thrw) {
        log(Level.INFO, thrw.getMessage(), thrw);
    }

    /** @param supplier supplies the message */
    public void info(final Supplier<Object> supplier) {
        log(Level.INFO, supplier, null);
    }

    /** @param o the message */
    public void error(final Object o) {
        log(Level.SEVERE, o, null);
    }

    /** @param thrw the exception */
    public void error(final Throwable thrw) {
        log(Level.SEVERE, thrw.getMessage(), thrw);
    }

    /** @param supplier supplies the message */
    public void error(final Supplier<Object> supplier) {
        log(Level.SEVERE, supplier, null);
    }

    /** @param o the message */
    public void fatal(final Object o) {
        log(Level.SEVERE, o, null);
    }

    /** @param thrw the exception */
    public void fatal(final Throwable thrw) {
        log(Level.SEVERE, thrw.getMessage(), thrw);
    }

    /** @param supplier supplies the message */
    public void fatal(final Supplier<Object> supplier) {
        log(Level.SEVERE, supplier, null);
    }

    /**
     * @param o the message
     * @param t the exception
     */
    public void warn(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }

    /**
     * @param supplier supplies the message
     * @param t the exception
     */
    public void warn(final Supplier<Object> supplier, final Throwable t) {
        log(Level.WARNING, supplier, t);
    }

    /**
     * @param o the message
     * @param t the exception
     */
    public void debug(final Object o, final Throwable t) {
        log(Level.FINE, o, t);
    }

    /**
     * @param supplier supplies the message
     * @param t the exception
     */
    public void debug(final Supplier<Object> supplier, final Throwable t) {
        log(Level.FINE, supplier, t);
    }

    /**
     * @param o the message
     * @param t the exception
     */
    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    /**
     * @param supplier supplies the message
     * @param t the exception
     */
    public void info(final Supplier<Object> supplier, final Throwable t) {
        log(Level.INFO, supplier, t);
    }

    /**
     * @param o the message
     * @param t the exception
     */
    public void error(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    /**
     * @param supplier supplies the message
     * @param t the exception
     */
    public void error(final Supplier<Object> supplier, final Throwable t) {
        log(Level.SEVERE, supplier, t);
    }

    /**
     * @param b the condition
     * @param m logged as coding problem when false
     */
    public void assertLog(final boolean b, final String m) {
        if (!b) {
            coding("ASSERT " + m);
        }
    }

    /**
     * @param b the condition
     * @param m logged as coding problem when false
     * @param e logged with it
     */
    public void assertLog(final boolean b, final String m, final AssertionError e) {
        if (!b) {
            coding("ASSERT " + m, e);
        }
    }

    /** @param o a coding problem */
    public void coding(final Object o) {
        log(Level.SEVERE, "CODING PROBLEM\t" + o, null);
    }

    /** @param supplier supplies a coding problem */
    public void coding(final Supplier<Object> supplier) {
        log(Level.SEVERE, () -> "CODING PROBLEM\t" + supplier.get(), null);
    }

    /**
     * @param o a coding problem
     * @param t the exception
     */
    public void coding(final Object o, final Throwable t) {
        log(Level.SEVERE, "CODING PROBLEM\t" + o, t);
    }

    /**
     * @param supplier supplies a coding problem
     * @param t the exception
     */
    public void coding(final Supplier<Object> supplier, final Throwable t) {
        log(Level.SEVERE, () -> "CODING PROBLEM\t" + supplier.get(), t);
    }

    /** @param o a coding problem */
    public void codingWithoutContext(final Object o) {
        coding(o);
    }

    /** @param supplier supplies a coding problem */
    public void codingWithoutContext(final Supplier<Object> supplier) {
        coding(supplier);
    }

    /**
     * @param o the message
     * @param t the exception
     */
    public void fatal(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    /**
     * @param supplier supplies the message
     * @param t the exception
     */
    public void fatal(final Supplier<Object> supplier, final Throwable t) {
        log(Level.SEVERE, supplier, t);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void warnWithFormat(final String format, final Object... args) {
        logFormat(Level.WARNING, format, args);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void debugWithFormat(final String format, final Object... args) {
        logFormat(Level.FINE, format, args);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void infoWithFormat(final String format, final Object... args) {
        logFormat(Level.INFO, format, args);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void errorWithFormat(final String format, final Object... args) {
        logFormat(Level.SEVERE, format, args);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void fatalWithFormat(final String format, final Object... args) {
        logFormat(Level.SEVERE, format, args);
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public void codingWithFormat(final String format, final Object... args) {
        logFormat(Level.SEVERE, "CODING PROBLEM\t" + format, args);
    }

    /** @return the most detailed enabled level */
    public LEVEL getLevel() {
        if (m_logger.isLoggable(Level.FINE)) {
            return LEVEL.DEBUG;
        } else if (m_logger.isLoggable(Level.INFO)) {
            return LEVEL.INFO;
        } else if (m_logger.isLoggable(Level.WARNING)) {
            return LEVEL.WARN;
        } else if (m_logger.isLoggable(Level.SEVERE)) {
            return LEVEL.ERROR;
        }
        return LEVEL.OFF;
    }

    /** @return whether debug messages are logged */
    public boolean isDebugEnabled() {
        return m_logger.isLoggable(Level.FINE);
    }

    /** @return whether info messages are logged */
    public boolean isInfoEnabled() {
        return m_logger.isLoggable(Level.INFO);
    }

    /**
     * @param level a level
     * @return whether messages of that level are logged
     */
    public boolean isEnabledFor(final LEVEL level) {
        switch (level) {
            case DEBUG:
            case ALL:
                return m_logger.isLoggable(Level.FINE);
            case INFO:
                return m_logger.isLoggable(Level.INFO);
            case WARN:
                return m_logger.isLoggable(Level.WARNING);
            case ERROR:
            case FATAL:
                return m_logger.isLoggable(Level.SEVERE);
            default:
                return false;
        }
    }
}
