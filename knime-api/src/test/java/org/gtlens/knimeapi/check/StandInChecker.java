package org.gtlens.knimeapi.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares compiled stand-in classes with the real KNIME API list.
 *
 * <p>A public or protected type or member of the stand-in is an <b>error</b> when the list has no element of that
 * kind and name for its type ("absent") or when no listed element with that name has the identical canonical
 * signature ("differs"; both forms are reported). An abstract member listed for an included type (abstract class
 * or interface) that the stand-in leaves out is an error too, because plugin classes extending or implementing that
 * type must implement exactly the real abstract members; it is only a <b>note</b> when its signature mentions a
 * KNIME type that the stand-in does not contain at all (it could not be declared).
 *
 * <p>With {@link Markers#IGNORED} the deprecation markers ({@code @Deprecated}, {@code @Deprecated(forRemoval)}) are
 * not compared: a release the stand-in must be compatible with (5.5.3) is checked for existence and signature only;
 * with {@link Markers#COMPARED} (the newest list) they must be identical too, so that the plugin's build shows the
 * same deprecation warnings as against the real API.
 */
final class StandInChecker {

    /** The outcome of one check. */
    record Report(List<String> errors, List<String> notes, int typesChecked, int membersChecked) {

        boolean ok() {
            return errors.isEmpty();
        }

        String format() {
            StringBuilder b = new StringBuilder();
            b.append(errors.size()).append(" mismatch(es) between the stand-in and the KNIME API list (")
                .append(typesChecked).append(" types, ").append(membersChecked).append(" members checked):\n");
            for (String e : errors) {
                b.append("  - ").append(e.replace("\n", "\n      ")).append('\n');
            }
            return b.toString();
        }
    }

    /** Whether deprecation markers take part in the comparison. */
    enum Markers {
        COMPARED, IGNORED;

        String text(Sig s) {
            return this == COMPARED ? s.canonical() : s.plain();
        }
    }

    private StandInChecker() {
    }

    /** Loads every class under a classes directory (the content of the main jar) without initializing it. */
    static List<Class<?>> loadClasses(Path classesDir, ClassLoader loader) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            List<String> names = files.filter(p -> p.toString().endsWith(".class"))
                .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
                .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted()
                .collect(Collectors.toList());
            List<Class<?>> classes = new ArrayList<>();
            for (String n : names) {
                try {
                    classes.add(Class.forName(n, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot load " + n, e);
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the given classes (all classes of the stand-in jar) against the list, markers compared. */
    static Report check(SignatureList list, List<Class<?>> classes) {
        return check(list, classes, Markers.COMPARED);
    }

    /** Checks the given classes (all classes of the stand-in jar) against the list. */
    static Report check(SignatureList list, List<Class<?>> classes, Markers markers) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        for (Class<?> c : classes) {
            if (c.getCanonicalName() != null) {
                present.add(c.getCanonicalName());
            }
        }
        int types = 0;
        int members = 0;
        for (Class<?> c : classes) {
            if (!Reflected.isApiType(c)) {
                continue;
            }
            types++;
            String name = Reflected.name(c);
            Sig header = Reflected.of(c);
            Sig listed = list.type(name);
            if (listed == null) {
                errors.add("ABSENT type " + name + ": stand-in has '" + header.canonical()
                    + "' but the list has no type of that name (public helper types are not allowed in the main jar)");
                continue;
            }
            if (!markers.text(listed).equals(markers.text(header))) {
                errors.add("DIFFERS type " + name + ":\n stand-in: " + markers.text(header) + "\n list:     "
                    + markers.text(listed) + "   [" + listed.origin() + "]");
            }
            List<Sig> listedMembers = list.entries(name);
            List<Sig> actual = Reflected.members(c);
            Set<String> actualCanon = new TreeSet<>();
            for (Sig m : actual) {
                members++;
                actualCanon.add(m.kind() + "|" + m.plain());
                List<Sig> sameName = listedMembers.stream()
                    .filter(l -> l.kind() == m.kind() && l.name().equals(m.name())).collect(Collectors.toList());
                if (sameName.stream().anyMatch(l -> markers.text(l).equals(markers.text(m)))) {
                    continue;
                }
                if (sameName.isEmpty()) {
                    errors.add("ABSENT " + m.kind().label + " in " + name + ": stand-in has '" + markers.text(m)
                        + "' but the list has no " + m.kind().label + " named '" + m.name() + "'");
                } else {
                    StringBuilder b = new StringBuilder("DIFFERS " + m.kind().label + " " + name + "#" + m.name()
                        + ":\n stand-in: " + markers.text(m));
                    for (Sig l : sameName) {
                        b.append("\n list:     ").append(markers.text(l)).append("   [").append(l.origin())
                            .append(']');
                    }
                    errors.add(b.toString());
                }
            }
            if (header.isAbstract()) {
                for (Sig l : listedMembers) {
                    if (l.kind() != Sig.Kind.METHOD || !l.isAbstract()
                        || actualCanon.contains(l.kind() + "|" + l.plain())) {
                        continue;
                    }
                    List<String> missingTypes = l.referencedTypes().stream()
                        .filter(t -> t.startsWith("org.knime.") && !present.contains(t)).collect(Collectors.toList());
                    if (missingTypes.isEmpty()) {
                        errors.add("MISSING abstract method in " + name + ": '" + l.plain() + "' ["
                            + l.origin() + "] must be declared, implementors in the plugin have to implement it");
                    } else {
                        notes.add("abstract method left out of " + name + ": '" + l.plain()
                            + "' (mentions " + String.join(", ", missingTypes) + ", not part of the stand-in)");
                    }
                }
            }
        }
        return new Report(errors, notes, types, members);
    }
}
