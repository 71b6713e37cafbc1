package org.gtlens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a source tree refers to which other, read from the sources (imports and fully qualified names in
 * code; comments and strings left out), and the cycles among them (Tarjan's strongly connected components).
 */
public final class SourcePackages {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private final Map<String, Set<String>> uses;
    /** For each edge "a -> b", one file of a that refers to b (for messages). */
    private final Map<String, String> witness;

    private SourcePackages(Map<String, Set<String>> uses, Map<String, String> witness) {
        this.uses = uses;
        this.witness = witness;
    }

    /** A graph given directly (for testing the cycle finder). */
    public static SourcePackages of(Map<String, Set<String>> uses) {
        return new SourcePackages(new TreeMap<>(uses), Map.of());
    }

    /** The packages of every {@code .java} file under {@code src} and their references to packages under {@code prefix}. */
    public static SourcePackages read(Path src, String prefix) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Map<String, String> witness = new HashMap<>();
        Pattern ref = Pattern.compile("\\b(" + Pattern.quote(prefix) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(f);
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find()) {
                    continue;
                }
                String pkg = pm.group(1);
                Set<String> targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = ref.matcher(code(text.substring(pm.end())));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg)) {
                        targets.add(target);
                        witness.putIfAbsent(pkg + " -> " + target, src.relativize(f).toString());
                    }
                }
            }
        }
        return new SourcePackages(uses, witness);
    }

    /** The text without comments and string literals. */
    static String code(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    /** Every group of packages that refer to each other around a loop, each sorted, in order. */
    public List<List<String>> cycles() {
        Tarjan t = new Tarjan();
        for (String p : uses.keySet()) {
            if (!t.index.containsKey(p)) {
                t.visit(p);
            }
        }
        t.found.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return t.found;
    }

    /** The edges inside the given cycles, each with a file that makes it. */
    public String describe(List<List<String>> cycles) {
        StringBuilder b = new StringBuilder();
        for (List<String> cycle : cycles) {
            for (String from : cycle) {
                for (String to : uses.getOrDefault(from, Set.of())) {
                    if (cycle.contains(to)) {
                        b.append(from).append(" -> ").append(to).append(" (")
                                .append(witness.get(from + " -> " + to)).append(")\n");
                    }
                }
            }
        }
        return b.toString();
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final List<String> stack = new ArrayList<>();
        final Set<String> onStack = new java.util.HashSet<>();
        final List<List<String>> found = new ArrayList<>();

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            onStack.add(v);
            for (String w : uses.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    component.sort(null);
                    found.add(component);
                }
            }
        }
    }
}
