package org.gtlens;

/** A value as a message quotes it, so that a 100 KB argument or cell still makes a one-line message. */
public final class Quoted {

    private Quoted() {
    }

    /** The value whole up to 40 characters, else its first 37 and how long it is. */
    public static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "... (" + text.length() + " characters)";
    }
}
