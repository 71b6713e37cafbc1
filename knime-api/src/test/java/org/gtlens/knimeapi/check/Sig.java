package org.gtlens.knimeapi.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API element (a type header or a member) in canonical form: the same element written in the KNIME signature
 * list and read by reflection from the stand-in yields the same {@link #canonical()} string.
 *
 * <p>Compared: the deprecation marker ({@code @Deprecated}, or {@code @Deprecated(forRemoval)} for
 * {@code forRemoval = true}), modifiers (public, protected, private, abstract, default, static, final; implicit ones
 * of interfaces, enums and records are normalized away on type headers), type parameters with bounds, supertypes
 * (in order), return/field type, parameter types (generic, with varargs), the throws clause (as a set). Not
 * compared: parameter names and annotations other than @Deprecated. {@link #plain()} is the same text without the
 * deprecation marker (what a release is compared by when its markers are ignored).
 *
 * @param shape the type parameters, the (return or field) type and the parameter types, canonical, for erasure
 */
record Sig(Kind kind, String owner, String name, Deprecation deprecation, String plain, boolean isAbstract,
    Set<String> referencedTypes, String origin, Shape shape) {

    enum Kind {
        TYPE("type"), CONSTRUCTOR("constructor"), METHOD("method"), FIELD("field"), ENUM_CONSTANT("enum constant");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** How an element is deprecated, written as the list writes it. */
    enum Deprecation {
        NONE(""), DEPRECATED("@Deprecated "), FOR_REMOVAL("@Deprecated(forRemoval) ");

        final String prefix;

        Deprecation(String prefix) {
            this.prefix = prefix;
        }

        /** @return the marker of a {@code @Deprecated} annotation (null: not deprecated) */
        static Deprecation of(Deprecated d) {
            return d == null ? NONE : d.forRemoval() ? FOR_REMOVAL : DEPRECATED;
        }

        /** @return the marker of a list annotation text ({@code @Deprecated}, {@code @Deprecated(...)}) */
        static Deprecation ofListText(String annotation) {
            String args = annotation.replace(" ", "");
            return args.contains("forRemoval)") || args.contains("forRemoval=true") ? FOR_REMOVAL : DEPRECATED;
        }
    }

    /**
     * What an element is made of, canonical: type parameters (section without brackets); the return or field type
     * (null for constructors and enum constants) and the parameter types; for a type header the superclass (null if
     * none is written) and the superinterfaces.
     */
    record Shape(String typeParams, String type, List<String> params) {
        static final Shape NONE = new Shape("", null, List.of());
    }

    /** @return marker and text, as the list writes the element */
    String canonical() {
        return deprecation.prefix + plain;
    }

    static final List<String> MODIFIER_ORDER =
        List.of("public", "protected", "private", "abstract", "default", "static", "final");

    private static final Set<String> ALL_MODIFIERS = Set.of("public", "protected", "private", "abstract", "default",
        "static", "final", "synchronized", "native", "transient", "volatile", "strictfp", "sealed", "non-sealed");

    static final Set<String> TYPE_KINDS = Set.of("class", "interface", "enum", "record", "@interface");

    /** Renders modifiers in the canonical order, keeping only the compared ones. */
    static String mods(Set<String> modifiers) {
        List<String> out = new ArrayList<>();
        for (String m : MODIFIER_ORDER) {
            if (modifiers.contains(m)) {
                out.add(m);
            }
        }
        return String.join(" ", out);
    }

    private static StringBuilder withModifiers(Set<String> modifiers) {
        StringBuilder b = new StringBuilder();
        String ms = mods(modifiers);
        if (!ms.isEmpty()) {
            b.append(ms).append(' ');
        }
        return b;
    }

    /** Builds the canonical header of a type (without deprecation marker). */
    static String typeHeader(Set<String> modifiers, String typeKind, String typeParams, String superclass,
        List<String> interfaces) {
        Set<String> m = new LinkedHashSet<>(modifiers);
        if (!typeKind.equals("class")) {
            m.remove("static");
            m.remove("abstract");
            if (!typeKind.equals("interface")) {
                m.remove("final");
            }
        }
        StringBuilder b = withModifiers(m).append(typeKind);
        if (!typeParams.isEmpty()) {
            b.append('<').append(typeParams).append('>');
        }
        if (typeKind.equals("interface")) {
            if (!interfaces.isEmpty()) {
                b.append(" extends ").append(String.join(", ", interfaces));
            }
        } else {
            if (superclass != null) {
                b.append(" extends ").append(superclass);
            }
            if (!interfaces.isEmpty()) {
                b.append(" implements ").append(String.join(", ", interfaces));
            }
        }
        return b.toString();
    }

    /** Builds the canonical text of a constructor or method (without deprecation marker). */
    static String executable(Set<String> modifiers, String typeParams, String returnType, String name,
        List<String> params, Set<String> throwsTypes) {
        StringBuilder b = withModifiers(modifiers);
        if (!typeParams.isEmpty()) {
            b.append('<').append(typeParams).append("> ");
        }
        if (returnType != null) {
            b.append(returnType).append(' ');
        }
        b.append(name).append('(').append(String.join(", ", params)).append(')');
        if (!throwsTypes.isEmpty()) {
            b.append(" throws ").append(String.join(", ", new TreeSet<>(throwsTypes)));
        }
        return b.toString();
    }

    /** Builds the canonical text of a field (without deprecation marker). */
    static String field(Set<String> modifiers, String type, String name) {
        return withModifiers(modifiers).append(type).append(' ').append(name).toString();
    }

    static String enumConstant(String name) {
        return "enum constant " + name;
    }

    // ------------------------------------------------------------------ parsing the list format

    /**
     * Parses one line of the signature list: {@code <type>|<kind>|<member>}.
     *
     * @param origin where the line came from (file:line), kept for messages
     */
    static Sig parseLine(String line, String origin) {
        String[] parts = line.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(origin + ": expected 3 '|'-separated fields: " + line);
        }
        String owner = parts[0].trim();
        String kind = parts[1].trim();
        String member = parts[2].trim();
        try {
            switch (kind) {
                case "constructor":
                    return parseExecutable(owner, member, true, origin);
                case "method":
                    return parseExecutable(owner, member, false, origin);
                case "field":
                    return parseField(owner, member, origin);
                case "enum constant":
                    return parseEnumConstant(owner, member, origin);
                default:
                    if (member.equals("(type)") || member.isEmpty()) {
                        return parseTypeHeader(owner, kind, origin);
                    }
                    throw new IllegalArgumentException("unknown kind '" + kind + "'");
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(origin + ": cannot parse '" + line + "': " + e.getMessage(), e);
        }
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s.trim();
        }

        void ws() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Deprecation deprecatedAnnotation() {
            ws();
            Deprecation dep = Deprecation.NONE;
            while (s.startsWith("@", pos)) {
                int end = pos;
                int parens = 0;
                while (end < s.length() && (parens > 0 || !Character.isWhitespace(s.charAt(end)))) {
                    char c = s.charAt(end++);
                    parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                String ann = s.substring(pos, end);
                if (ann.equals("@Deprecated") || ann.startsWith("@Deprecated(")) {
                    dep = Deprecation.ofListText(ann);
                }
                pos = end;
                ws();
            }
            return dep;
        }

        String word() {
            ws();
            int start = pos;
            while (pos < s.length() && (Character.isJavaIdentifierPart(s.charAt(pos)) || s.charAt(pos) == '-'
                || s.charAt(pos) == '@')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String peekWord() {
            int save = pos;
            String w = word();
            pos = save;
            return w;
        }

        Set<String> modifiers() {
            Set<String> mods = new LinkedHashSet<>();
            while (ALL_MODIFIERS.contains(peekWord())) {
                mods.add(word());
            }
            return mods;
        }

        /** Reads a balanced {@code <...>} section if one starts here, else returns "". */
        String angleSection() {
            ws();
            if (pos >= s.length() || s.charAt(pos) != '<') {
                return "";
            }
            int depth = 0;
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                    if (depth == 0) {
                        return s.substring(start, pos);
                    }
                }
            }
            throw new IllegalArgumentException("unbalanced '<' in: " + s);
        }

        String rest() {
            ws();
            return s.substring(pos);
        }
    }

    static Sig parseTypeHeader(String owner, String kindText, String origin) {
        Cursor c = new Cursor(kindText);
        Deprecation dep = c.deprecatedAnnotation();
        Set<String> mods = c.modifiers();
        String typeKind = c.word();
        if (!TYPE_KINDS.contains(typeKind)) {
            throw new IllegalArgumentException("not a type kind: " + typeKind);
        }
        Set<String> refs = new TreeSet<>();
        String tps = JavaTypes.canonicalTypeParams(c.angleSection(), refs);
        String rest = c.rest();
        String superclass = null;
        List<String> interfaces = new ArrayList<>();
        String extendsPart = null;
        String implementsPart = null;
        int impl = indexOfTopLevelWord(rest, "implements");
        if (impl >= 0) {
            implementsPart = rest.substring(impl + "implements".length()).trim();
            rest = rest.substring(0, impl).trim();
        }
        if (rest.startsWith("extends")) {
            extendsPart = rest.substring("extends".length()).trim();
        } else if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + rest + "'");
        }
        if (typeKind.equals("interface")) {
            if (extendsPart != null) {
                for (String t : JavaTypes.splitTopLevel(extendsPart, ',')) {
                    interfaces.add(JavaTypes.canonical(t.trim(), refs));
                }
            }
        } else {
            if (extendsPart != null) {
                superclass = JavaTypes.canonical(extendsPart, refs);
            }
            if (implementsPart != null) {
                for (String t : JavaTypes.splitTopLevel(implementsPart, ',')) {
                    interfaces.add(JavaTypes.canonical(t.trim(), refs));
                }
            }
        }
        boolean isAbstract = mods.contains("abstract") || typeKind.equals("interface");
        return new Sig(Kind.TYPE, owner, owner, dep, typeHeader(mods, typeKind, tps, superclass, interfaces),
            isAbstract, refs, origin, new Shape(tps, superclass, List.copyOf(interfaces)));
    }

    private static int indexOfTopLevelWord(String s, String word) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && s.startsWith(word, i) && (i == 0 || s.charAt(i - 1) == ' ')
                && (i + word.length() == s.length() || s.charAt(i + word.length()) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    static Sig parseExecutable(String owner, String text, boolean constructor, String origin) {
        Cursor c = new Cursor(text);
        Deprecation dep = c.deprecatedAnnotation();
        Set<String> mods = c.modifiers();
        Set<String> refs = new TreeSet<>();
        String tps = JavaTypes.canonicalTypeParams(c.angleSection(), refs);
        String rest = c.rest();
        int open = indexOfTopLevel(rest, '(');
        int close = rest.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("no parameter list");
        }
        String head = rest.substring(0, open).trim();
        String paramText = rest.substring(open + 1, close).trim();
        String tail = rest.substring(close + 1).trim();
        String name;
        String ret = null;
        if (constructor) {
            name = head;
        } else {
            int sp = lastTopLevelSpace(head);
            if (sp < 0) {
                throw new IllegalArgumentException("no return type");
            }
            name = head.substring(sp + 1).trim();
            ret = JavaTypes.canonical(head.substring(0, sp).trim(), refs);
        }
        List<String> params = new ArrayList<>();
        if (!paramText.isEmpty()) {
            for (String p : JavaTypes.splitTopLevel(paramText, ',')) {
                String param = p.trim();
                int sp = lastTopLevelSpace(param);
                String type = sp < 0 ? param : param.substring(0, sp).trim();
                params.add(JavaTypes.canonical(type, refs));
            }
        }
        Set<String> throwsTypes = new TreeSet<>();
        if (!tail.isEmpty()) {
            if (!tail.startsWith("throws ")) {
                throw new IllegalArgumentException("unexpected '" + tail + "'");
            }
            for (String t : JavaTypes.splitTopLevel(tail.substring("throws ".length()), ',')) {
                throwsTypes.add(JavaTypes.canonical(t.trim(), refs));
            }
        }
        String simpleOwner = owner.substring(owner.lastIndexOf('.') + 1);
        if (constructor && !name.equals(simpleOwner)) {
            throw new IllegalArgumentException("constructor name " + name + " is not " + simpleOwner);
        }
        return new Sig(constructor ? Kind.CONSTRUCTOR : Kind.METHOD, owner, name, dep,
            executable(mods, tps, ret, name, params, throwsTypes), mods.contains("abstract"), refs, origin,
            new Shape(tps, ret, List.copyOf(params)));
    }

    static Sig parseField(String owner, String text, String origin) {
        Cursor c = new Cursor(text);
        Deprecation dep = c.deprecatedAnnotation();
        Set<String> mods = c.modifiers();
        String rest = c.rest();
        int sp = lastTopLevelSpace(rest);
        String name = rest.substring(sp + 1).trim();
        Set<String> refs = new TreeSet<>();
        String type = JavaTypes.canonical(rest.substring(0, sp).trim(), refs);
        return new Sig(Kind.FIELD, owner, name, dep, field(mods, type, name), false, refs, origin,
            new Shape("", type, List.of()));
    }

    static Sig parseEnumConstant(String owner, String text, String origin) {
        Cursor c = new Cursor(text);
        Deprecation dep = c.deprecatedAnnotation();
        String name = c.rest();
        return new Sig(Kind.ENUM_CONSTANT, owner, name, dep, enumConstant(name), false, Collections.emptySet(),
            origin, Shape.NONE);
    }

    private static int indexOfTopLevel(String s, char ch) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ch && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastTopLevelSpace(String s) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                found = i;
            }
        }
        return found;
    }

    /** Kind, owner and text, as shown in reports. */
    String describe() {
        return kind.label + " " + canonical();
    }
}
