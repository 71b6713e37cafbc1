package org.gtlens.cli;

import java.util.Locale;

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.FigureChoices;

import picocli.CommandLine.Option;

/** Options shared by the commands that draw figures. */
final class FigureOptions {

    /** Image formats the renderer writes. */
    enum Format {
        PNG, SVG;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--format", paramLabel = "png|svg", defaultValue = "png", converter = FormatConverter.class,
            description = "Image format (default: ${DEFAULT-VALUE}).")
    Format format = Format.PNG;

    @Option(names = "--scale", paramLabel = "linear|log|row", defaultValue = "linear",
            description = "Colour scale: linear; log (attention, probabilities and rollout; signed kinds stay "
                    + "linear); row (each row relative to its largest value, for long sequences) (default: "
                    + "${DEFAULT-VALUE}).")
    String scale = "linear";

    @Option(names = "--zoom", paramLabel = "X", defaultValue = "1",
            description = "Pixels per point of PNG images, e.g. 2 for high-resolution screens and print, between "
                    + MIN_ZOOM + " and " + MAX_ZOOM + " (default: ${DEFAULT-VALUE}).")
    double zoom = 1;

    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 8;

    @Option(names = "--range", paramLabel = "shared|panel",
            description = "Colour range shared across a figure or fitted per panel (default: shared; per panel for "
                    + "the summary figures, whose panels are different quantities).")
    String range;

    @Option(names = "--labels", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "Value labels in the cells; auto hides them when cells are too small (default: "
                    + "${DEFAULT-VALUE}).")
    String labels = "auto";

    @Option(names = "--flip-rows", description = "Draw row 0 at the bottom instead of the top.")
    boolean flipRows;

    /** The user's choices about how figures look. */
    FigureChoices choices() {
        return new FigureChoices(null, org.gtlens.Keyed.find(ChartOptions.ValueScale.class, scale), range == null ? null
                : org.gtlens.Keyed.find(ChartOptions.RangeMode.class, range),
                org.gtlens.Keyed.find(ChartOptions.LabelMode.class, labels), flipRows, zoom, 0, 0);
    }

    /** The figure's own defaults with the user's choices applied. */
    ChartOptions optionsFor(Figure figure) {
        return choices().apply(figure);
    }

    /** Checks the free-text options, naming the wrong value. */
    void validate(picocli.CommandLine cli) {
        if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new picocli.CommandLine.ParameterException(cli, "--zoom must be between " + MIN_ZOOM + " and "
                    + MAX_ZOOM + ", got " + zoom + ".");
        }
        if (org.gtlens.Keyed.find(ChartOptions.ValueScale.class, scale) == null) {
            boolean number = scale.matches("[0-9.]+");
            throw new picocli.CommandLine.ParameterException(cli, "--scale must be linear, log or row, got '" + scale
                    + "'" + (number ? "; the image size factor is now --zoom " + scale + "." : "."));
        }
        if (range != null && org.gtlens.Keyed.find(ChartOptions.RangeMode.class, range) == null) {
            throw new picocli.CommandLine.ParameterException(cli, "--range must be shared or panel, got '" + range
                    + "'");
        }
        if (org.gtlens.Keyed.find(ChartOptions.LabelMode.class, labels) == null) {
            throw new picocli.CommandLine.ParameterException(cli, "--labels must be auto, on or off, got '" + labels
                    + "'");
        }
    }

    /** Accepts png or svg in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; choose png "
                        + "or svg");
            }
        }
    }
}
