package org.gtlens.cli;

import java.io.PrintWriter;

import org.gtlens.files.FileProblems;
import org.gtlens.GtLensException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gtlens} command: the same pipeline as the KNIME nodes for a terminal, a script or a server. Exit code 0
 * on success, 2 on a usage error, 1 on any other failure with one line on stderr that names the problem.
 */
@Command(name = "gtlens", mixinStandardHelpOptions = true, versionProvider = GtLens.Version.class,
        description = "Look inside a GTransformer exported to ONNX: extract every inner representation and draw "
                + "it as heatmaps.",
        subcommands = {DemoCommand.class, InspectCommand.class, ExtractCommand.class, AblateCommand.class,
            PatchCommand.class,
            RenderCommand.class,
            ViewCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class GtLens implements Runnable {

    /** Exit code of a failure that is not a usage error. */
    public static final int FAILURE = 1;
    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures (for bug reports).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    public static void main(String[] args) {
        // a worker thread that fails (e.g. out of memory) must not print a stack trace: the run reports its failure
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (isVerbose(args)) {
                e.printStackTrace();
            }
        });
        org.gtlens.runtime.NativeRuntime.useCache(cacheFolder());
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The command line's cache folder, where ONNX Runtime's native libraries are unpacked once (not into a new
     * temporary folder at every run): $XDG_CACHE_HOME/gtlens, else ~/.cache/gtlens (on Windows %LOCALAPPDATA%\gtlens).
     */
    static java.nio.file.Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && java.nio.file.Path.of(xdg).isAbsolute()) {
            return java.nio.file.Path.of(xdg, "gtlens");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").toLowerCase().contains("win")) {
            return java.nio.file.Path.of(local, "gtlens");
        }
        return java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "gtlens");
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        GtLens top = new GtLens();
        CommandLine cli = new CommandLine(top);
        // every path option of every command: an empty name is a usage error, not the current folder
        cli.registerConverter(java.nio.file.Path.class, new OptionValues.PathValue());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("gtlens: " + e.getMessage());
            CommandLine.Model.CommandSpec s = e.getCommandLine().getCommandSpec();
            err.println("Try '" + s.qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            boolean verbose = isVerbose(args);
            FileProblems.WriteFailure write = cause(e, FileProblems.WriteFailure.class);
            if (Interruption.anyRequested()) {
                err.println("gtlens: interrupted; no output of this run is written.");
            } else if (e instanceof GtLensException) {
                err.println("gtlens: " + e.getMessage());
            } else if (causedByMemory(e)) {
                err.println("gtlens: " + outOfMemory(args));
            } else if (write != null) {
                err.println("gtlens: " + write.getMessage());
            } else if (cause(e, GtLensException.class) != null) {
                err.println("gtlens: " + cause(e, GtLensException.class).getMessage());
            } else if (e instanceof java.nio.file.FileSystemException fs) {
                err.println("gtlens: " + (fs.getFile() == null ? "a file" : fs.getFile()) + ": "
                        + FileProblems.reason(fs) + ".");
            } else {
                err.println("gtlens: unexpected error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("gtlens: " + outOfMemory(args));
            err.flush();
            return FAILURE;
        } catch (Error e) { // never a silent exit 1: say what ended the run
            err.println("gtlens: unexpected error: " + e + (isVerbose(args) ? "" : " (run with --verbose for details)"));
            if (isVerbose(args)) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        }
    }

    /** What to say when Java runs out of memory: the run is bounded by --memory, so that is the first knob. */
    static final String OUT_OF_MEMORY = "Java ran out of memory; lower --memory (the budget of one batch) or --batch, "
            + "select fewer kinds or blocks, or give Java more memory (e.g. GTLENS_JAVA_OPTS=-Xmx8g).";

    /** The out-of-memory sentence, naming the model and input of the run. */
    static String outOfMemory(String[] args) {
        String model = valueOf(args, "--model");
        String input = valueOf(args, "--input");
        String what = "Java ran out of memory running " + (model == null ? "the built-in model"
                : "model " + model) + (input == null ? "" : " on " + input);
        return what + OUT_OF_MEMORY.substring("Java ran out of memory".length());
    }

    private static String valueOf(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(option + "=")) {
                return args[i].substring(option.length() + 1);
            }
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean causedByMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version from the jar manifest, so it always matches the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GtLens.class.getPackage().getImplementationVersion();
            return new String[] {"gtlens " + (v == null ? "(development build)" : v)};
        }
    }
}
