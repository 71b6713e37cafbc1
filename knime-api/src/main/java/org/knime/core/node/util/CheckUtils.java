package org.knime.core.node.util;

import java.util.IllegalFormatException;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME's {@code CheckUtils} (compile/test only, never shipped): precondition checks; message
 * templates are {@link String#format} patterns.
 */
public final class CheckUtils {

    private CheckUtils() {
    }

    private static String format(final String template, final Object... args) {
        if (template == null) {
            return null;
        }
        try {
            return args == null || args.length == 0 ? template : String.format(template, args);
        } catch (IllegalFormatException e) {
            return template;
        }
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @param template message pattern
     * @param templateArgs its arguments
     * @return the value
     * @throws IllegalArgumentException if it is null
     */
    public static <T> T checkArgumentNotNull(final T toCheck, final String template, final Object... templateArgs)
        throws IllegalArgumentException {
        if (toCheck == null) {
            throw new IllegalArgumentException(format(template, templateArgs));
        }
        return toCheck;
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @return the value
     * @throws IllegalArgumentException if it is null
     */
    public static <T> T checkArgumentNotNull(final T toCheck) throws IllegalArgumentException {
        return checkArgumentNotNull(toCheck, "Argument must not be null");
    }

    /**
     * @param predicate the condition
     * @param message the message
     * @throws IllegalArgumentException if the condition is false
     */
    public static void checkArgument(final boolean predicate, final String message) throws IllegalArgumentException {
        if (!predicate) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param predicate the condition
     * @param template message pattern
     * @param templateArgs its arguments
     * @throws IllegalArgumentException if the condition is false
     */
    public static void checkArgument(final boolean predicate, final String template, final Object... templateArgs)
        throws IllegalArgumentException {
        if (!predicate) {
            throw new IllegalArgumentException(format(template, templateArgs));
        }
    }

    /**
     * @param predicate the condition
     * @param message the message
     * @throws IllegalStateException if the condition is false
     */
    public static void checkState(final boolean predicate, final String message) throws IllegalStateException {
        if (!predicate) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * @param predicate the condition
     * @param template message pattern
     * @param templateArgs its arguments
     * @throws IllegalStateException if the condition is false
     */
    public static void checkState(final boolean predicate, final String template, final Object... templateArgs)
        throws IllegalStateException {
        if (!predicate) {
            throw new IllegalStateException(format(template, templateArgs));
        }
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @return the value
     * @throws NullPointerException if it is null
     */
    public static <T> T checkNotNull(final T toCheck) throws NullPointerException {
        if (toCheck == null) {
            throw new NullPointerException();
        }
        return toCheck;
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @param message the message
     * @return the value
     * @throws NullPointerException if it is null
     */
    public static <T> T checkNotNull(final T toCheck, final String message) throws NullPointerException {
        if (toCheck == null) {
            throw new NullPointerException(message);
        }
        return toCheck;
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @param template message pattern
     * @param templateArgs its arguments
     * @return the value
     * @throws NullPointerException if it is null
     */
    public static <T> T checkNotNull(final T toCheck, final String template, final Object... templateArgs)
        throws NullPointerException {
        if (toCheck == null) {
            throw new NullPointerException(format(template, templateArgs));
        }
        return toCheck;
    }

    /**
     * @param predicate the condition
     * @param template message pattern
     * @param templateArgs its arguments
     * @throws InvalidSettingsException if the condition is false
     */
    public static void checkSetting(final boolean predicate, final String template, final Object... templateArgs)
        throws InvalidSettingsException {
        if (!predicate) {
            throw new InvalidSettingsException(format(template, templateArgs));
        }
    }

    /**
     * @param <T> the type
     * @param toCheck a value
     * @param template message pattern
     * @param templateArgs its arguments
     * @return the value
     * @throws InvalidSettingsException if it is null
     */
    public static <T> T checkSettingNotNull(final T toCheck, final String template, final Object... templateArgs)
        throws InvalidSettingsException {
        if (toCheck == null) {
            throw new InvalidSettingsException(format(template, templateArgs));
        }
        return toCheck;
    }
}
