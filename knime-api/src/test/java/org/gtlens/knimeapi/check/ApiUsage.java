package org.gtlens.knimeapi.check;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks compiled classes (e.g. a plugin's {@code target/classes}) for references to KNIME types and members
 * ({@code org.knime.*}) that a release's API list lacks, reading their class files' constant pools.
 *
 * <p>A member named through a subclass (a plugin class calling an inherited {@code getLogger()} names its own class
 * as owner) is looked up as the JVM resolves it: in the class, then its supertypes; plugin classes by their class
 * files, KNIME types by the list (plus {@code signatures-extra.txt}), JDK types by reflection. It is a problem when
 * the lookup passes a KNIME type and ends without finding the member, and when a KNIME type named anywhere (class
 * entries, descriptors, supertypes) is not in the list. Not covered: a record's accessors (the list does not write
 * them) and members reached only through classes outside the scanned folder, KNIME and the JDK.
 *
 * <pre>
 * &#64;Test void usesOnlyKnime55() throws Exception {
 *     ApiUsage.assertUsesOnly(KnimeApiLists.OLDEST, Path.of("target/classes"));
 * }
 * </pre>
 */
public final class ApiUsage {

    private final ApiIndex m_api;

    private final Map<String, ClassFile> m_scanned;

    private ApiUsage(final ApiIndex api, final Map<String, ClassFile> scanned) {
        m_api = api;
        m_scanned = scanned;
    }

    /**
     * Fails (AssertionError listing every problem) when classes under {@code classesDir} use a KNIME type or member
     * the release's list lacks; skipped when the shared lists are absent.
     *
     * @param release {@link KnimeApiLists#OLDEST} (5.5.3) or {@link KnimeApiLists#NEWEST}
     * @param classesDir a folder of compiled classes
     * @throws IOException if a list or class file cannot be read
     */
    public static void assertUsesOnly(final String release, final Path classesDir) throws IOException {
        List<String> problems = problems(KnimeApiLists.read(release), classesDir);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " use(s) of KNIME API that the " + release + " list lacks in "
                + classesDir + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /**
     * @param list the allowed API
     * @param classesDir a folder of compiled classes
     * @return one line per problem, sorted; empty when every KNIME reference is in the list
     * @throws IOException if a class file cannot be read
     */
    static List<String> problems(final SignatureList list, final Path classesDir) throws IOException {
        Map<String, ClassFile> scanned = new HashMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path p : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassFile c = ClassFile.parse(Files.readAllBytes(p));
                scanned.put(c.name(), c);
            }
        }
        ApiUsage usage = new ApiUsage(new ApiIndex(list), scanned);
        Set<String> problems = new TreeSet<>();
        scanned.values().forEach(c -> usage.check(c, problems));
        return List.copyOf(problems);
    }

    private void check(final ClassFile c, final Set<String> problems) {
        String who = Erasure.canonicalName(c.name()) + ": ";
        Set<String> types = new HashSet<>(c.classes());
        if (c.superName() != null) {
            types.add(c.superName());
        }
        types.addAll(c.interfaces());
        c.descriptors().forEach(d -> types.addAll(ClassFile.classesIn(d)));
        c.members().forEach(m -> types.addAll(ClassFile.classesIn(m.descriptor())));
        for (String t : types) {
            String element = t.startsWith("[") ? ClassFile.classesIn(t).stream().findFirst().orElse("") : t;
            if (isKnime(element) && m_api.type(element) == null) {
                problems.add(who + "type " + Erasure.canonicalName(element) + " is not in the list");
            }
        }
        for (ClassFile.MemberRef m : c.members()) {
            if (!m.owner().startsWith("[") && !resolves(m)) {
                problems.add(who + (m.field() ? "field " : "method ") + Erasure.canonicalName(m.owner()) + "#"
                    + m.name() + (m.field() ? ":" : "") + m.descriptor() + " is not in the list");
            }
        }
    }

    private static boolean isKnime(final String binaryName) {
        return binaryName.startsWith("org/knime/");
    }

    /** Whether a member resolves to the scanned classes, the JDK or the list, or never touches KNIME types. */
    private boolean resolves(final ClassFile.MemberRef m) {
        boolean constructor = m.name().equals("<init>");
        Deque<String> todo = new ArrayDeque<>(List.of(m.owner()));
        Set<String> seen = new HashSet<>();
        boolean knime = false;
        while (!todo.isEmpty()) {
            String t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            ClassFile own = m_scanned.get(t);
            ApiIndex.Type listed = m_api.type(t);
            if (own != null) {
                if (own.declared().contains(m.key())) {
                    return true;
                }
                supertypes(own).forEach(todo::add);
            } else if (isKnime(t)) {
                knime = true;
                if (listed == null) {
                    return true; // reported as a type that is not in the list
                }
                if (listed.members().contains(m.key())) {
                    return true;
                }
                listed.supertypes().forEach(todo::add);
            } else if (isJdk(t) && jdkHas(t, m)) {
                return true; // reflection has looked through the JDK type's own supertypes
            }
            if (constructor) {
                break; // constructors are not inherited
            }
        }
        return !knime;
    }

    private static List<String> supertypes(final ClassFile c) {
        return c.superName() == null ? c.interfaces()
            : Stream.concat(Stream.of(c.superName()), c.interfaces().stream()).toList();
    }

    private static boolean isJdk(final String binaryName) {
        return binaryName.startsWith("java/") || binaryName.startsWith("javax/");
    }

    /** Whether a JDK type has the member, declared or inherited, public or protected. */
    private static boolean jdkHas(final String binaryName, final ClassFile.MemberRef m) {
        Class<?> c;
        try {
            c = Class.forName(binaryName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (m.field() ? hasField(k, m) : hasMethod(k, m)) {
                return true;
            }
        }
        for (Method method : c.getMethods()) { // interface methods, inherited defaults included
            if (method.getName().equals(m.name()) && descriptor(method).equals(m.descriptor())) {
                return true;
            }
        }
        return m.field() && java.util.Arrays.stream(c.getFields()).anyMatch(f -> f.getName().equals(m.name()));
    }

    private static boolean hasMethod(final Class<?> k, final ClassFile.MemberRef m) {
        if (m.name().equals("<init>")) {
            return java.util.Arrays.stream(k.getDeclaredConstructors()).anyMatch(c -> !Modifier.isPrivate(
                c.getModifiers()) && MethodType.methodType(void.class, c.getParameterTypes())
                    .toMethodDescriptorString().equals(m.descriptor()));
        }
        for (Method method : k.getDeclaredMethods()) {
            if (!Modifier.isPrivate(method.getModifiers()) && method.getName().equals(m.name())
                && descriptor(method).equals(m.descriptor())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasField(final Class<?> k, final ClassFile.MemberRef m) {
        for (Field f : k.getDeclaredFields()) {
            if (!Modifier.isPrivate(f.getModifiers()) && f.getName().equals(m.name())
                && f.getType().descriptorString().equals(m.descriptor())) {
                return true;
            }
        }
        return false;
    }

    private static String descriptor(final Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }
}
