package org.gtlens.knimeapi.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gtlens.knimeapi.fake.UsesKnime;
import org.gtlens.knimeapi.sample.SampleNodeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-file check that a plugin uses only the KNIME API of a release, on compiled fixtures. */
class ApiUsageTest {

    private static final String FIXTURE = "org.gtlens.knimeapi.fake.UsesKnime";

    /** Copies the class files of one package (or of one class, {@code prefix}) into {@code dir}. */
    private static Path classesOf(final Class<?> anyInPackage, final String prefix, final Path dir)
        throws Exception {
        Path from = Path.of(anyInPackage.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(anyInPackage.getPackageName().replace('.', '/'));
        Path to = Files.createDirectories(dir.resolve(anyInPackage.getPackageName().replace('.', '/')));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>)files.filter(f -> f.getFileName().toString().startsWith(prefix)
                && f.toString().endsWith(".class"))::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** The 5.5.3 list plus extras, without the lines starting with any of {@code cut}. */
    private static SignatureList oldestWithout(final String... cut) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(KnimeApiLists.listOrSkip(KnimeApiLists.OLDEST)));
        lines.addAll(KnimeApiLists.extraLines());
        lines.removeIf(l -> Stream.of(cut).anyMatch(l::startsWith));
        return SignatureList.of("cut", lines);
    }

    @Test
    void theFixtureUsesOnlyMembersOf553(@TempDir final Path dir) throws Exception {
        ApiUsage.assertUsesOnly(KnimeApiLists.OLDEST, classesOf(UsesKnime.class, "UsesKnime", dir));
    }

    @Test
    void theSampleNodesUseOnlyMembersOf553(@TempDir final Path dir) throws Exception {
        ApiUsage.assertUsesOnly(KnimeApiLists.OLDEST, classesOf(SampleNodeModel.class, "", dir));
    }

    @Test
    void anInheritedMethodNamedThroughTheSubclassIsLookedUpInItsKnimeSuperclass(@TempDir final Path dir)
        throws Exception {
        List<String> p = ApiUsage.problems(oldestWithout("org.knime.core.node.ExecutionMonitor|method|public void "
            + "checkCanceled()"), classesOf(UsesKnime.class, "UsesKnime", dir));
        assertEquals(List.of(FIXTURE + ": method " + FIXTURE + "#checkCanceled()V is not in the list"), p);
    }

    @Test
    void membersFieldsConstructorsMethodReferencesAndTypesAreEachChecked(@TempDir final Path dir)
        throws Exception {
        Path classes = classesOf(UsesKnime.class, "UsesKnime", dir);
        assertEquals(List.of(FIXTURE + ": method org.knime.core.data.container.DataContainer#addRowToTable("
            + "Lorg/knime/core/data/DataRow;)V is not in the list"), ApiUsage.problems(oldestWithout(
                "org.knime.core.data.container.DataContainer|method|public void addRowToTable",
                "org.knime.core.data.container.RowAppender|method|public abstract void addRowToTable"), classes),
            "a method reference (declared by a class and by its interface)");
        assertEquals(List.of(FIXTURE + ": field org.knime.core.data.def.StringCell#TYPE:"
            + "Lorg/knime/core/data/DataType; is not in the list"), ApiUsage.problems(oldestWithout(
                "org.knime.core.data.def.StringCell|field|public static final org.knime.core.data.DataType TYPE"),
                classes));
        assertEquals(List.of(), ApiUsage.problems(oldestWithout("org.knime.core.node.BufferedDataTable|field|public "
            + "static final org.knime.core.node.port.PortType TYPE"), classes),
            "without its own, BufferedDataTable.TYPE resolves to PortObject.TYPE, as in the JVM (JVMS 5.4.3.2)");
        assertEquals(List.of(FIXTURE + ": method org.knime.core.node.ExecutionMonitor#<init>()V is not in the list"),
            ApiUsage.problems(oldestWithout("org.knime.core.node.ExecutionMonitor|constructor|public "
                + "ExecutionMonitor()"), classes));
        List<String> type = ApiUsage.problems(oldestWithout("org.knime.core.node.streamable.InputPortRole|"),
            classes);
        assertEquals(List.of(FIXTURE + ": type org.knime.core.node.streamable.InputPortRole is not in the list"),
            type, "a type missing from the list is reported once, not each of its members");
    }

    @Test
    void assertUsesOnlyListsEveryProblem(@TempDir final Path dir) throws Exception {
        Path classes = classesOf(UsesKnime.class, "UsesKnime", dir);
        Files.write(classes.resolve("org/gtlens/knimeapi/fake/UsesKnime.class"), new byte[]{1, 2, 3});
        assertThrows(java.io.IOException.class, () -> ApiUsage.assertUsesOnly(KnimeApiLists.OLDEST, classes),
            "a file that is no class file is an error, not silently skipped");
    }

    @Test
    void classFilesAreReadAsTheJvmNamesThem() throws Exception {
        Path f = Path.of(UsesKnime.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/gtlens/knimeapi/fake/UsesKnime.class");
        ClassFile c = ClassFile.parse(Files.readAllBytes(f));
        assertEquals("org/gtlens/knimeapi/fake/UsesKnime", c.name());
        assertEquals("org/knime/core/node/ExecutionMonitor", c.superName());
        assertTrue(c.declared().contains("use(Lorg/knime/core/node/ExecutionContext;Lorg/knime/core/node/"
            + "BufferedDataTable;)Lorg/knime/core/node/BufferedDataTable;"), c.declared()::toString);
        assertTrue(c.members().contains(new ClassFile.MemberRef(true, "org/knime/core/node/BufferedDataTable", "TYPE",
            "Lorg/knime/core/node/port/PortType;")), c.members()::toString);
        assertEquals(List.of("org/knime/a/B", "java/lang/String"),
            ClassFile.classesIn("(I[Lorg/knime/a/B;J)Ljava/lang/String;"));
        assertEquals("org/knime/core/node/NodeFactory$NodeType",
            Erasure.binaryName("org.knime.core.node.NodeFactory.NodeType"));
        assertEquals("(ILjava/util/List;[Lorg/knime/core/node/NodeModel;)Lorg/knime/core/node/NodeModel;",
            new Erasure(List.of("K extends T", "T extends org.knime.core.node.NodeModel")).methodDescriptor(
                List.of("int", "java.util.List<K>", "T..."), "K"));
    }
}
