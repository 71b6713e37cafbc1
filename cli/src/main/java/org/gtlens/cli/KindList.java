package org.gtlens.cli;

import java.util.Set;

import org.gtlens.model.Kind;

import picocli.CommandLine;

/** Converts {@code --kinds attention,keys} to kinds, naming the valid ones when a name is wrong. */
final class KindList implements CommandLine.ITypeConverter<Set<Kind>> {

    @Override
    public Set<Kind> convert(String value) {
        try {
            return Kind.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
