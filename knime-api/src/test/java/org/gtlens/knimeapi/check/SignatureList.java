package org.gtlens.knimeapi.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real KNIME API of one release as listed in {@code knime-api-signatures-<release>.txt} (format
 * {@code <type>|<kind>|<member>}, '#' comment lines), plus the entries of this module's {@code signatures-extra.txt}
 * in the same format (see {@link KnimeApiLists}).
 */
final class SignatureList {

    private final Map<String, List<Sig>> m_byOwner = new LinkedHashMap<>();

    private final Map<String, Sig> m_types = new LinkedHashMap<>();

    private int m_count;

    /** Reads and merges the given files. */
    static SignatureList read(Path... files) throws IOException {
        SignatureList list = new SignatureList();
        for (Path f : files) {
            list.addLines(Files.readAllLines(f, StandardCharsets.UTF_8), f.getFileName().toString());
        }
        return list;
    }

    /** Builds a list from in-memory lines (used by the checker's own tests). */
    static SignatureList of(String name, List<String> lines) {
        SignatureList list = new SignatureList();
        list.addLines(lines, name);
        return list;
    }

    void addLines(List<String> lines, String source) {
        int no = 0;
        for (String line : lines) {
            no++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Sig s = Sig.parseLine(t, source + ":" + no);
            m_count++;
            m_byOwner.computeIfAbsent(s.owner(), k -> new ArrayList<>()).add(s);
            if (s.kind() == Sig.Kind.TYPE) {
                m_types.put(s.owner(), s);
            }
        }
    }

    /** The type header entry of a type, or null. */
    Sig type(String owner) {
        return m_types.get(owner);
    }

    /** All entries of one type (header and members). */
    List<Sig> entries(String owner) {
        return m_byOwner.getOrDefault(owner, List.of());
    }

    /** @return the type header entries, in list order */
    Collection<Sig> types() {
        return m_types.values();
    }

    int size() {
        return m_count;
    }
}
