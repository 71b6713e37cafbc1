package org.gtlens.knimeapi.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signature list as the JVM sees it: each listed type by binary name, with its erased members (keys as in
 * {@link ClassFile.MemberRef#key()}, constructors as {@code <init>}) and its direct supertypes, including the implicit
 * ones (java.lang.Object, Enum, Record) and an enum's implicit {@code values()} and {@code valueOf(String)}.
 */
final class ApiIndex {

    /** One listed type. */
    record Type(String binaryName, List<String> supertypes, Set<String> members) {
    }

    private static final Pattern KIND = Pattern.compile("\\b(class|interface|enum|record|@interface)\\b");

    private final Map<String, Type> m_types = new HashMap<>();

    /** @param list a signature list */
    ApiIndex(final SignatureList list) {
        for (Sig header : list.types()) {
            String binary = Erasure.binaryName(header.owner());
            Erasure erasure = new Erasure(typeParams(list, header.owner(), null));
            Matcher kind = KIND.matcher(header.plain());
            String k = kind.find() ? kind.group(1) : "class";
            List<String> supers = new ArrayList<>();
            if (header.shape().type() != null) {
                supers.add(binaryOf(erasure, header.shape().type()));
            } else {
                supers.add(k.equals("enum") ? "java/lang/Enum" : k.equals("record") ? "java/lang/Record"
                    : "java/lang/Object");
            }
            header.shape().params().forEach(i -> supers.add(binaryOf(erasure, i)));
            Set<String> members = new HashSet<>();
            if (k.equals("enum")) {
                members.add("values()[L" + binary + ";");
                members.add("valueOf(Ljava/lang/String;)L" + binary + ";");
            }
            for (Sig m : list.entries(header.owner())) {
                String key = key(list, m, binary);
                if (key != null) {
                    members.add(key);
                }
            }
            m_types.put(binary, new Type(binary, supers, members));
        }
    }

    /** @return the listed type of that binary name, or null */
    Type type(final String binaryName) {
        return m_types.get(binaryName);
    }

    private static String binaryOf(final Erasure erasure, final String type) {
        String d = erasure.descriptor(type);
        return d.substring(1, d.length() - 1);
    }

    /** The erased key of a member (null for a type header). */
    private static String key(final SignatureList list, final Sig m, final String ownerBinary) {
        Sig.Shape s = m.shape();
        switch (m.kind()) {
            case METHOD:
            case CONSTRUCTOR: {
                Erasure e = new Erasure(typeParams(list, m.owner(), s.typeParams()));
                String name = m.kind() == Sig.Kind.CONSTRUCTOR ? "<init>" : m.name();
                return name + e.methodDescriptor(s.params(), s.type());
            }
            case FIELD:
                return m.name() + ":" + new Erasure(typeParams(list, m.owner(), null)).descriptor(s.type());
            case ENUM_CONSTANT:
                return m.name() + ":L" + ownerBinary + ";";
            default:
                return null;
        }
    }

    /** The type-parameter sections in scope: the member's, its type's, then those of the enclosing types. */
    private static List<String> typeParams(final SignatureList list, final String owner, final String own) {
        List<String> sections = new ArrayList<>();
        if (own != null && !own.isEmpty()) {
            sections.add(own);
        }
        for (String t = owner; t.contains("."); t = t.substring(0, t.lastIndexOf('.'))) {
            Sig h = list.type(t);
            if (h != null && !h.shape().typeParams().isEmpty()) {
                sections.add(h.shape().typeParams());
            }
        }
        return sections;
    }
}
