package org.gtlens.cli;

import java.util.EnumSet;
import java.util.Set;

import org.gtlens.model.Kind;

import picocli.CommandLine;

/** Converts {@code --kinds attention,keys} to kinds, naming the valid ones when a name is wrong. */
final class KindList implements CommandLine.ITypeConverter<Set<Kind>> {

    @Override
    public Set<Kind> convert(String value) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Kind kind = Kind.fromContractName(part);
            if (kind == null) {
                throw new CommandLine.TypeConversionException("'" + part.trim() + "' is not a kind; choose from "
                        + "attention, queries, keys, values, out, logprobs");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw new CommandLine.TypeConversionException("no kind given");
        }
        return kinds;
    }
}
