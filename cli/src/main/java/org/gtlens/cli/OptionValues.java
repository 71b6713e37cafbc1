package org.gtlens.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * Converters that turn option values a command cannot use into usage errors (exit 2) with a sentence: an empty path,
 * a thread count outside what the machine can use, a negative count.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** Most ONNX Runtime threads: four per processor, at most 256 (more only waits for the cores). */
    static int maxThreads() {
        return Math.min(256, 4 * Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Every path option: a file or folder name, never empty. */
    static final class PathValue implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value == null || value.isBlank()) {
                throw new CommandLine.TypeConversionException("an empty name is not a file or folder; give a path");
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a path: " + e.getReason());
            }
        }
    }

    /** --threads: 1 to {@link #maxThreads()}. */
    static final class Threads implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int max = maxThreads();
            long n = parse(value, "a thread count");
            if (n < 1 || n > max) {
                throw new CommandLine.TypeConversionException("'" + value + "' threads: choose 1 to " + max
                        + " (four per processor of this machine, which has "
                        + Runtime.getRuntime().availableProcessors() + ")");
            }
            return (int) n;
        }
    }

    /** A count of 0 or more that fits an int. */
    static final class Count implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = parse(value, "a count");
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a count: choose 0 to "
                        + Integer.MAX_VALUE);
            }
            return (int) n;
        }
    }

    private static long parse(String value, String what) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not " + what + " (a whole number)");
        }
    }

    /**
     * An index-list option ({@code --blocks 0,2-3,last}) parsed, or a usage error naming the option.
     *
     * @throws CommandLine.ParameterException "--blocks: 'x' is not ..."
     */
    static org.gtlens.repr.IndexList indexList(String option, String text, CommandLine cli) {
        if (text == null || text.isBlank()) {
            // one rule for every option: an empty value is a usage error (as an empty --out is), never "all"
            throw new CommandLine.ParameterException(cli, option + ": an empty list selects nothing; leave the "
                    + "option out or write 'all' for all.");
        }
        try {
            return org.gtlens.repr.IndexList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, option + ": " + e.getMessage() + ".");
        }
    }

    /** Checks {@code --batch} and {@code --memory} as every command that runs batches takes them. */
    static void checkBudget(int batch, long memoryMb, CommandLine cli) {
        if (batch < 1) {
            throw new CommandLine.ParameterException(cli, "--batch must be at least 1, got " + batch + ".");
        }
        if (memoryMb < 1 || memoryMb > (1L << 30)) {
            throw new CommandLine.ParameterException(cli, "--memory must be between 1 and " + (1L << 30)
                    + " MB, got " + memoryMb + ".");
        }
    }

    /** Checks an {@code --aggregate} value: mean is the one aggregation. */
    static void checkAggregate(String aggregate, CommandLine cli) {
        if (aggregate != null && !aggregate.strip().equalsIgnoreCase("mean")) {
            throw new CommandLine.ParameterException(cli, "--aggregate '" + aggregate + "' is not known; the "
                    + "aggregation is mean (count, mean and standard deviation).");
        }
    }
}
