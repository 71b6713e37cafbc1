package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.TextTokens;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command's sequences come from, the same for every command that reads many: token ids or text given on the
 * command line, or a CSV file whose column holds token ids or text ({@code --as}).
 */
final class SequenceInput {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--tokens", paramLabel = "T1,T2,...", required = true,
                description = "A sequence of token ids, e.g. 4,5,5,5,4 (repeat for more sequences).")
        List<String> tokens;

        @Option(names = "--text", paramLabel = "TEXT", required = true,
                description = "A sequence as text, read through the model's vocabulary (one token per character "
                        + "for a character vocabulary, UTF-8 bytes for a byte vocabulary), e.g. \"def main():\" "
                        + "(repeat for more sequences).")
        List<String> text;

        @Option(names = "--input", paramLabel = "FILE.csv", required = true,
                description = "CSV with a header and one sequence per row: \"4,5,5,5,4\", \"4 5 5 5 4\" or one "
                        + "integer column per position; text with --as text.")
        Path file;
    }

    @Option(names = "--column", paramLabel = "NAME",
            description = "Column of --input holding the sequences (default: the only column, or all columns as "
                    + "positions).")
    String column;

    @Option(names = "--as", paramLabel = "ids|text", defaultValue = "ids",
            description = "What the --input column holds: token ids, or text read through the model's vocabulary "
                    + "(default: ${DEFAULT-VALUE}).")
    String as = "ids";

    /** Refuses options that need --input without it, and an --as other than ids or text. */
    void check(CommandLine cli, String groupColumn) {
        readsText(as, cli);
        if (source.file == null && (column != null || groupColumn != null || "text".equals(as))) {
            throw new CommandLine.ParameterException(cli, (column != null ? "--column" : groupColumn != null
                    ? "--group-column" : "--as text") + " needs --input.");
        }
    }

    /**
     * @param as an {@code --as} value
     * @return true for text, false for token ids
     * @throws CommandLine.ParameterException for any other value
     */
    static boolean readsText(String as, CommandLine cli) {
        if (!"ids".equals(as) && !"text".equals(as)) {
            throw new CommandLine.ParameterException(cli, "--as '" + as + "' is not known; choose ids or text.");
        }
        return "text".equals(as);
    }

    boolean fromFile() {
        return source.file != null;
    }

    Path file() {
        return source.file;
    }

    /** The sequences given on the command line, named by their 0-based index. */
    List<Sequence> given(ModelInfo info) throws GtLensException {
        if (source.tokens != null) {
            return TokenLists.parse(source.tokens);
        }
        return texts("--text", source.text, TextTokens.of(info));
    }

    /**
     * Texts given on the command line as sequences named by their 0-based index, read through the vocabulary.
     *
     * @param option the option that gave them, for the sentence that refuses one
     */
    static List<Sequence> texts(String option, List<String> texts, TextTokens reader) throws GtLensException {
        List<Sequence> sequences = new ArrayList<>();
        for (String text : texts) {
            String id = Integer.toString(sequences.size());
            if (text.isEmpty()) {
                throw new GtLensException(option + " (sequence " + id + ") is empty; the model needs at least one "
                        + "token.");
            }
            try {
                sequences.add(new Sequence(id, reader.encode(text)));
            } catch (TextTokens.Problem p) {
                throw new GtLensException(option + " '" + org.gtlens.Quoted.shorten(text) + "' (sequence " + id + ") "
                        + p.getMessage() + ".");
            }
        }
        return sequences;
    }

    /** A reader of --input with the group column, reading text through the model's vocabulary with --as text. */
    SequenceCsvReader reader(ModelInfo info, String groupColumn) throws IOException, GtLensException {
        return new SequenceCsvReader(source.file, column, groupColumn, "text".equals(as) ? TextTokens.of(info) : null);
    }
}
