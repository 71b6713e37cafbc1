package org.gtlens.knimeapi.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.gtlens.knimeapi.fake.FakeBase;
import org.gtlens.knimeapi.fake.FakeHelper;
import org.gtlens.knimeapi.fake.FakeRelease;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.opentest4j.TestAbortedException;

/** Proves that the conformance checker catches wrong signatures (it must not pass anything silently). */
class SignatureCheckerTest {

    private static final String F = "org.gtlens.knimeapi.fake.FakeBase";

    /** The list the fake class is checked against: what the "real" API would say. */
    private static List<String> fakeList() {
        return List.of(
            F + "|public abstract class<T extends Number> implements Comparable<Integer>|(type)",
            F + "|field|public static final int COUNT",
            F + "|constructor|public FakeBase()",
            F + "|method|public abstract void work(long x) throws java.io.IOException",
            F + "|method|public String name()",
            F + "|method|public static <E extends CharSequence> java.util.List<E> copy(E[] items)",
            F + "|method|protected void hook() throws java.io.IOException",
            F + "|method|public java.util.Map<String, Long> map()",
            F + "|method|public void old()",
            F + "|method|public <K extends Comparable<K>> K pick(java.util.List<? extends K> from, Class<?>... types)",
            F + "|method|public abstract void mustImplement(String s)",
            F + "|method|public abstract org.knime.nonexistent.Thing unknowable()");
    }

    private static String find(final List<String> errors, final String start) {
        return errors.stream().filter(e -> e.startsWith(start)).findFirst()
            .orElseThrow(() -> new AssertionError("no error starting with '" + start + "' in " + errors));
    }

    @Test
    void reportsEveryKindOfMismatchWithBothForms() throws Exception {
        SignatureList list = SignatureList.of("fake", fakeList());
        StandInChecker.Report r = StandInChecker.check(list, List.of(FakeBase.class, FakeHelper.class,
            Class.forName("org.gtlens.knimeapi.fake.FakeHelper$Hidden")));
        assertFalse(r.ok());
        List<String> e = r.errors();

        String header = find(e, "DIFFERS type " + F);
        assertTrue(header.contains("stand-in: public abstract class<T extends Number> implements Comparable<T>"),
            header);
        assertTrue(header.contains("list:     public abstract class<T extends Number> implements Comparable<Integer>"),
            header);
        assertTrue(find(e, "DIFFERS field " + F + "#COUNT").contains("public static final int COUNT"), e::toString);
        String work = find(e, "DIFFERS method " + F + "#work");
        assertTrue(work.contains("public abstract void work(int) throws java.io.IOException"), work);
        assertTrue(work.contains("public abstract void work(long) throws java.io.IOException"), work);
        assertTrue(find(e, "DIFFERS method " + F + "#name").contains("public final String name()"), e::toString);
        String copy = find(e, "DIFFERS method " + F + "#copy");
        assertTrue(copy.contains("copy(E...)") && copy.contains("copy(E[])"), copy);
        String hook = find(e, "DIFFERS method " + F + "#hook");
        assertTrue(hook.contains("throws Exception") && hook.contains("throws java.io.IOException"), hook);
        String map = find(e, "DIFFERS method " + F + "#map");
        assertTrue(map.contains("java.util.Map<String, Integer>") && map.contains("java.util.Map<String, Long>"), map);
        assertTrue(find(e, "DIFFERS method " + F + "#old").contains("@Deprecated public void old()"), e::toString);
        assertTrue(find(e, "ABSENT method in " + F).contains("public void extra()"), e::toString);
        assertTrue(find(e, "ABSENT type org.gtlens.knimeapi.fake.FakeHelper").contains("public class"), e::toString);
        // listed abstract methods the stand-in lacks (work(long) is also reported as differing above)
        assertTrue(e.contains("MISSING abstract method in " + F + ": 'public abstract void mustImplement(String)' "
            + "[fake:11] must be declared, implementors in the plugin have to implement it"), e::toString);
        assertTrue(e.stream().anyMatch(x -> x.startsWith("MISSING abstract method in " + F) && x.contains("work(long)")),
            e::toString);
        // the generic method with wildcard, bound and varargs, and the constructor, match exactly
        assertTrue(e.stream().noneMatch(x -> x.contains("#pick") || x.contains("constructor")), e::toString);
        // package-private members and types are not checked
        assertTrue(e.stream().noneMatch(x -> x.contains("internal") || x.contains("Hidden")), e::toString);
        // an abstract member that needs a type missing from the stand-in is a note, not an error
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("unknowable")), r.notes()::toString);
        assertEquals(12, e.size(), () -> String.join("\n", e));
        assertTrue(r.format().contains("12 mismatch(es)"));
    }

    @Test
    void reportsAMutatedLineOfTheRealListAgainstTheRealStandIn() throws Exception {
        Path real = KnimeApiLists.listOrSkip(KnimeApiLists.NEWEST);
        List<String> lines = new ArrayList<>(Files.readAllLines(real, StandardCharsets.UTF_8));
        lines.addAll(KnimeApiLists.extraLines());
        String reset = "org.knime.core.node.NodeModel|method|protected abstract void reset()";
        String check = "org.knime.core.node.ExecutionMonitor|method|public void checkCanceled() throws "
            + "org.knime.core.node.CanceledExecutionException";
        assertTrue(lines.contains(reset) && lines.contains(check), "expected lines in the real list");
        List<Class<?>> classes = List.of(NodeModel.class, ExecutionMonitor.class);
        assertTrue(StandInChecker.check(SignatureList.of("real", lines), classes).ok(), "unmutated must pass");

        List<String> mutated = lines.stream()
            .map(l -> l.equals(reset) ? "org.knime.core.node.NodeModel|method|protected void reset()" : l)
            .map(l -> l.equals(check) ? "org.knime.core.node.ExecutionMonitor|method|public void checkCanceled()" : l)
            .collect(Collectors.toList());
        StandInChecker.Report r = StandInChecker.check(SignatureList.of("mutated", mutated), classes);
        String resetError = find(r.errors(), "DIFFERS method org.knime.core.node.NodeModel#reset");
        assertTrue(resetError.contains("stand-in: protected abstract void reset()")
            && resetError.contains("list:     protected void reset()"), resetError);
        String checkError = find(r.errors(), "DIFFERS method org.knime.core.node.ExecutionMonitor#checkCanceled");
        assertTrue(checkError.contains("throws org.knime.core.node.CanceledExecutionException"), checkError);
        assertEquals(2, r.errors().size(), r::format);
    }

    @Test
    void removingAListedTypeMakesTheStandInTypeAbsent() throws Exception {
        Path real = KnimeApiLists.listOrSkip(KnimeApiLists.OLDEST);
        List<String> lines = Files.readAllLines(real, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("org.knime.core.node.ExecutionMonitor|")).collect(Collectors.toList());
        StandInChecker.Report r = StandInChecker.check(SignatureList.of("cut", lines), List.of(ExecutionMonitor.class));
        assertTrue(find(r.errors(), "ABSENT type org.knime.core.node.ExecutionMonitor").contains("public class"));
    }

    @Test
    void conformanceTestIsSkippedNotPassedWhenTheListIsAbsent() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
            () -> KnimeApiLists.listOrSkip("5.5.3", "/nonexistent/shared", Path.of("/nonexistent/repo")));
        assertTrue(skipped.getMessage().contains("skipped: the KNIME API list is absent"), skipped.getMessage());
        assertTrue(skipped.getMessage().contains("/nonexistent/shared/knime/knime-api-signatures-5.5.3.txt"));
    }

    private static final String R = "org.gtlens.knimeapi.fake.FakeRelease";

    /** The older release: doomed() not yet deprecated, onlyInNewer() absent. */
    private static List<String> olderRelease() {
        return List.of(R + "|public class|(type)", R + "|constructor|public FakeRelease()",
            R + "|method|public void both()", R + "|method|public void doomed()",
            R + "|method|public void doomedRight()");
    }

    /** The newer release: onlyInNewer() added, doomed() and doomedRight() deprecated for removal. */
    private static List<String> newerRelease() {
        return List.of(R + "|public class|(type)", R + "|constructor|public FakeRelease()",
            R + "|method|public void both()", R + "|method|public void onlyInNewer()",
            R + "|method|@Deprecated(forRemoval) public void doomed()",
            R + "|method|@Deprecated(forRemoval) public void doomedRight()");
    }

    @Test
    void aMemberOnlyInTheNewerReleaseFailsTheOlderReleaseWhateverTheMarkers() {
        StandInChecker.Report r = StandInChecker.check(SignatureList.of("older", olderRelease()),
            List.of(FakeRelease.class), StandInChecker.Markers.IGNORED);
        assertEquals(List.of("ABSENT method in " + R + ": stand-in has 'public void onlyInNewer()' but the list has "
            + "no method named 'onlyInNewer'"), r.errors(), "the deprecated ones pass: markers are ignored");
    }

    @Test
    void aMissingForRemovalFailsTheNewerRelease() {
        StandInChecker.Report r = StandInChecker.check(SignatureList.of("newer", newerRelease()),
            List.of(FakeRelease.class), StandInChecker.Markers.COMPARED);
        String doomed = find(r.errors(), "DIFFERS method " + R + "#doomed:");
        assertTrue(doomed.contains("stand-in: @Deprecated public void doomed()")
            && doomed.contains("list:     @Deprecated(forRemoval) public void doomed()"), doomed);
        assertEquals(1, r.errors().size(), r::format);
        assertTrue(StandInChecker.check(SignatureList.of("newer", newerRelease()), List.of(FakeRelease.class),
            StandInChecker.Markers.IGNORED).ok(), "the same release with markers ignored passes");
    }

    @Test
    void listsWriteForRemovalApartFromDeprecated() {
        assertEquals(Sig.Deprecation.FOR_REMOVAL,
            Sig.parseLine("a.B|method|@Deprecated(forRemoval) public void f()", "t").deprecation());
        assertEquals(Sig.Deprecation.DEPRECATED, Sig.parseLine("a.B|method|@Deprecated public void f()", "t")
            .deprecation());
        assertEquals(Sig.Deprecation.FOR_REMOVAL, Sig.parseLine(
            "a.B|method|@Deprecated(since = \"5.6\", forRemoval = true) public void f()", "t").deprecation());
        Sig plain = Sig.parseLine("a.B|method|public void f()", "t");
        assertEquals(Sig.Deprecation.NONE, plain.deprecation());
        assertEquals("@Deprecated(forRemoval) public void f()",
            Sig.parseLine("a.B|method|@Deprecated(forRemoval) public void f()", "t").canonical());
        assertEquals(plain.plain(), Sig.parseLine("a.B|method|@Deprecated(forRemoval) public void f()", "t").plain());
    }

    @Test
    void theSwingApiOfTheStandInIsDeprecatedForRemovalAsInTheNewestListOnly() throws Exception {
        List<String> newest = Files.readAllLines(KnimeApiLists.listOrSkip(KnimeApiLists.NEWEST));
        List<String> oldest = Files.readAllLines(KnimeApiLists.listOrSkip(KnimeApiLists.OLDEST));
        String view = "org.knime.core.node.NodeFactory|method|%spublic abstract org.knime.core.node.NodeView<T> "
            + "createNodeView(int viewIndex, T nodeModel)";
        assertTrue(newest.contains(String.format(view, "@Deprecated(forRemoval) ")), "master: for removal");
        assertTrue(oldest.contains(String.format(view, "")), "5.5.3: not deprecated");
        Method m = NodeFactory.class.getDeclaredMethod("createNodeView", int.class, NodeModel.class);
        assertTrue(m.getAnnotation(Deprecated.class).forRemoval(), "the stand-in carries forRemoval");
    }

    @Test
    void canonicalTypeSpellingIsStable() {
        assertEquals("java.util.Map<String, Class<? extends org.knime.core.data.DataValue>>",
            JavaTypes.canonical("java.util.Map<java.lang.String,Class<? extends org.knime.core.data.DataValue> >"));
        assertEquals("?", JavaTypes.canonical("? extends Object"));
        assertEquals("String...", JavaTypes.canonical("String ..."));
        assertEquals("int[][]", JavaTypes.canonical("int [] []"));
        assertEquals("T extends A & B<?>, U", JavaTypes.canonicalTypeParams("<T extends A & B<?>, U extends Object>",
            null));
        Sig m = Sig.parseLine("a.B|method|default public default java.util.List<String> f(int a, String... b) "
            + "throws java.io.IOException, Exception", "t");
        assertEquals("public default java.util.List<String> f(int, String...) throws Exception, java.io.IOException",
            m.canonical());
        Sig t = Sig.parseLine("a.B.C|abstract static public class<T extends a.D> implements a.E<T>|(type)", "t");
        assertEquals("public abstract static class<T extends a.D> implements a.E<T>", t.canonical());
        Sig i = Sig.parseLine("a.B.I|public static interface extends a.J|(type)", "t");
        assertEquals("public interface extends a.J", i.canonical());
    }
}
