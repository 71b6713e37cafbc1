package org.gtlens.cli;

import picocli.CommandLine.Option;

/** The selection options only a table has (extract), which a figure cannot honour and therefore does not list. */
final class TableSelectionOptions {

    @Option(names = "--top-k", paramLabel = "N", defaultValue = "0",
            description = "For logprobs: keep the N most probable tokens per position and block (default: all).")
    int topK;

    @Option(names = "--keep-masked", description = "Keep the attention cells above the diagonal that the causal mask "
            + "makes 0 (the long layout leaves them out by default).")
    boolean keepMasked;
}
