package org.gtlens.knimeapi.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM view of a listed element: binary class names and erased descriptors (JLS 4.6), so that a member named in
 * a class file can be looked up in the list. Type variables erase to their first bound (resolved through the
 * member's own type parameters, then those of its type and of the types enclosing it); type arguments are dropped.
 */
final class Erasure {

    private static final Map<String, String> PRIMITIVES = Map.of("boolean", "Z", "byte", "B", "char", "C", "short",
        "S", "int", "I", "long", "J", "float", "F", "double", "D", "void", "V");

    private final Map<String, String> m_bounds = new HashMap<>();

    /** @param typeParams canonical type-parameter sections, innermost (the member's) first */
    Erasure(final List<String> typeParams) {
        for (String section : typeParams) {
            for (String p : JavaTypes.splitTopLevel(section, ',')) {
                String t = p.trim();
                int sp = t.indexOf(' ');
                String var = sp < 0 ? t : t.substring(0, sp);
                String bound = sp < 0 ? "Object"
                    : JavaTypes.splitTopLevel(t.substring(sp + " extends ".length()), '&').get(0).trim();
                m_bounds.putIfAbsent(var, bound);
            }
        }
    }

    /**
     * @param canonicalName a qualified name in the list's spelling ({@code org.knime.a.Outer.Inner}; java.lang types
     *            simple)
     * @return the binary name with '/' ({@code org/knime/a/Outer$Inner}): nested from the first capitalized segment
     */
    static String binaryName(final String canonicalName) {
        if (!canonicalName.contains(".")) {
            return "java/lang/" + canonicalName;
        }
        String[] parts = canonicalName.split("\\.");
        StringBuilder b = new StringBuilder();
        boolean nested = false;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(nested ? '$' : '/');
            }
            b.append(parts[i]);
            nested |= Character.isUpperCase(parts[i].charAt(0));
        }
        return b.toString();
    }

    /** @return the list's spelling of a binary name ({@code org/knime/a/Outer$Inner} to {@code org.knime.a.Outer.Inner}) */
    static String canonicalName(final String binaryName) {
        return binaryName.replace('/', '.').replace('$', '.');
    }

    /** @return the erased descriptor of one canonical type ({@code java.util.List<T>[]} to {@code [Ljava/util/List;}) */
    String descriptor(final String type) {
        String t = withoutTypeArguments(type).trim();
        StringBuilder dims = new StringBuilder();
        while (t.endsWith("[]") || t.endsWith("...")) {
            dims.append('[');
            t = t.substring(0, t.length() - (t.endsWith("[]") ? 2 : 3)).trim();
        }
        String prim = PRIMITIVES.get(t);
        if (prim != null) {
            return dims + prim;
        }
        String bound = m_bounds.get(t);
        if (bound != null) {
            return dims + descriptor(bound);
        }
        return dims + "L" + binaryName(t) + ";";
    }

    /** @return the erased method descriptor, e.g. {@code (I[Ljava/lang/String;)V} */
    String methodDescriptor(final List<String> params, final String returnType) {
        StringBuilder b = new StringBuilder("(");
        params.forEach(p -> b.append(descriptor(p)));
        return b.append(')').append(returnType == null ? "V" : descriptor(returnType)).toString();
    }

    private static String withoutTypeArguments(final String type) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
