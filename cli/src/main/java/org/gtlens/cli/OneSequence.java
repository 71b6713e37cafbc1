package org.gtlens.cli;

import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Sequence;
import picocli.CommandLine.Option;

/** The one sequence a figure command draws: token ids or text read through the model's vocabulary. */
final class OneSequence {

    @Option(names = "--tokens", paramLabel = "T1,T2,...", required = true, description = "The sequence, e.g. 4,5,5,5,4.")
    String tokens;

    @Option(names = "--text", paramLabel = "TEXT", required = true,
            description = "The sequence as text, read through the model's vocabulary, e.g. \"def main():\".")
    String text;

    /** The sequence of {@code group}, or of {@code defaultTokens} when the group was not given. */
    static Sequence of(OneSequence group, String defaultTokens, ModelInfo info) throws GtLensException {
        if (group == null || group.tokens != null) {
            return TokenLists.parse("0", group == null ? defaultTokens : group.tokens);
        }
        SequenceInput.Source source = new SequenceInput.Source();
        source.text = List.of(group.text);
        SequenceInput input = new SequenceInput();
        input.source = source;
        return input.given(info).get(0);
    }
}
