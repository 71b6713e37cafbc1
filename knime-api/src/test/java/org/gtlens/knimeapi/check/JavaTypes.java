package org.gtlens.knimeapi.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the Java type expressions written in the KNIME signature list (for example
 * {@code java.util.Map<String, Class<? extends org.knime.core.data.DataValue>>}) and prints them in one canonical
 * spelling, the same spelling {@link Reflected} prints for reflected types, so that both can be compared as strings.
 *
 * <p>Canonical spelling: qualified names with '.' for nested types, top-level {@code java.lang} types simple,
 * {@code ", "} between type arguments, {@code " extends "}/{@code " super "} in wildcards and bounds,
 * {@code " & "} between bounds, {@code []} per array dimension, {@code ...} for varargs.
 */
final class JavaTypes {

    private JavaTypes() {
    }

    /** Canonical spelling of one type expression. */
    static String canonical(String type) {
        Parser p = new Parser(type);
        StringBuilder out = new StringBuilder();
        p.type(out, null);
        p.expectEnd();
        return out.toString();
    }

    /** Canonical spelling of one type expression; adds every qualified name it mentions to {@code names}. */
    static String canonical(String type, Set<String> names) {
        Parser p = new Parser(type);
        StringBuilder out = new StringBuilder();
        p.type(out, names);
        p.expectEnd();
        return out.toString();
    }

    /**
     * Canonical spelling of a type-parameter section without its angle brackets, e.g. {@code T extends A & B, U};
     * returns the empty string for an empty section.
     */
    static String canonicalTypeParams(String section, Set<String> names) {
        String s = section.trim();
        if (s.isEmpty()) {
            return "";
        }
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> parts = splitTopLevel(s, ',');
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            String t = part.trim();
            int sp = t.indexOf(' ');
            if (sp < 0) {
                out.add(t);
                continue;
            }
            String name = t.substring(0, sp);
            String rest = t.substring(sp).trim();
            if (!rest.startsWith("extends ")) {
                throw new IllegalArgumentException("bad type parameter: " + t);
            }
            List<String> bounds = splitTopLevel(rest.substring("extends ".length()), '&');
            List<String> canon = new ArrayList<>();
            for (String b : bounds) {
                canon.add(canonical(b.trim(), names));
            }
            if (canon.size() == 1 && canon.get(0).equals("Object")) {
                out.add(name);
            } else {
                out.add(name + " extends " + String.join(" & ", canon));
            }
        }
        return String.join(", ", out);
    }

    /** Splits at {@code sep} where no angle bracket or parenthesis is open. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        String last = s.substring(start);
        if (!last.isBlank() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Drops {@code java.lang.} from top-level java.lang types (the list writes them simple). */
    static String simplifyJavaLang(String qualified) {
        if (qualified.startsWith("java.lang.")) {
            String rest = qualified.substring("java.lang.".length());
            if (!rest.contains(".") && !rest.isEmpty() && Character.isUpperCase(rest.charAt(0))) {
                return rest;
            }
        }
        return qualified;
    }

    private static final Set<String> PRIMITIVES =
        Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    /** Recursive-descent parser over one type expression. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        private void skipWs() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(String token) {
            skipWs();
            return s.startsWith(token, pos);
        }

        private void expect(String token) {
            skipWs();
            if (!s.startsWith(token, pos)) {
                throw new IllegalArgumentException("expected '" + token + "' at " + pos + " in: " + s);
            }
            pos += token.length();
        }

        void expectEnd() {
            skipWs();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text at " + pos + " in: " + s);
            }
        }

        private String qualifiedName() {
            skipWs();
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isJavaIdentifierPart(c)) {
                    pos++;
                } else if (c == '.' && !s.startsWith("...", pos)) {
                    pos++;
                } else {
                    break;
                }
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a name at " + pos + " in: " + s);
            }
            return s.substring(start, pos);
        }

        void type(StringBuilder out, Set<String> names) {
            skipWs();
            if (peek("?")) {
                pos++;
                skipWs();
                if (peekWord("extends")) {
                    pos += "extends".length();
                    StringBuilder b = new StringBuilder();
                    type(b, names);
                    out.append(b.toString().equals("Object") ? "?" : "? extends " + b);
                } else if (peekWord("super")) {
                    pos += "super".length();
                    out.append("? super ");
                    type(out, names);
                } else {
                    out.append('?');
                }
                return;
            }
            String name = qualifiedName();
            if (!PRIMITIVES.contains(name) && name.contains(".") && names != null) {
                names.add(name);
            }
            out.append(simplifyJavaLang(name));
            if (peek("<")) {
                pos++;
                out.append('<');
                boolean first = true;
                while (true) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    type(out, names);
                    if (peek(",")) {
                        pos++;
                        continue;
                    }
                    expect(">");
                    break;
                }
                out.append('>');
                // a nested type of a parameterized owner: Outer<T>.Inner
                if (peek(".") && !peek("...")) {
                    pos++;
                    out.append('.');
                    StringBuilder inner = new StringBuilder();
                    type(inner, names);
                    out.append(inner);
                    return;
                }
            }
            while (true) {
                if (peek("[")) {
                    expect("[");
                    expect("]");
                    out.append("[]");
                } else if (peek("...")) {
                    pos += 3;
                    out.append("...");
                } else {
                    break;
                }
            }
        }

        private boolean peekWord(String w) {
            skipWs();
            if (!s.startsWith(w, pos)) {
                return false;
            }
            int end = pos + w.length();
            return end >= s.length() || !Character.isJavaIdentifierPart(s.charAt(end));
        }
    }
}
