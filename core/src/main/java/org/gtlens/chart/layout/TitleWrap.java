package org.gtlens.chart.layout;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/** A figure title broken into lines that fit a width, so a title never runs off the figure. */
final class TitleWrap {

    private TitleWrap() {
    }

    /** A piece of a title for wrapping; {@code glued} pieces continue the previous one without a space. */
    private record Piece(String text, boolean glued) {
    }

    /**
     * Greedy word wrap at spaces; a word longer than a line (a long token list) is also broken after its commas, and
     * only a piece without commas that is still too long widens the figure.
     */
    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        if (text.isBlank()) {
            return lines;
        }
        if (Fonts.width(font, text) <= maxWidth) {
            lines.add(text.trim());
            return lines;
        }
        List<Piece> pieces = new ArrayList<>();
        for (String word : text.trim().split(" +")) {
            if (Fonts.width(font, word) <= maxWidth) {
                pieces.add(new Piece(word, false));
                continue;
            }
            int start = 0;
            for (int i = 0; i < word.length() - 1; i++) {
                if (word.charAt(i) == ',') {
                    pieces.add(new Piece(word.substring(start, i + 1), start > 0));
                    start = i + 1;
                }
            }
            pieces.add(new Piece(word.substring(start), start > 0));
        }
        StringBuilder line = new StringBuilder();
        for (Piece piece : pieces) {
            String candidate = line.length() == 0 ? piece.text : line + (piece.glued ? "" : " ") + piece.text;
            if (line.length() > 0 && Fonts.width(font, candidate) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(piece.text);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
