package org.gtlens.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Document;

/**
 * The bundle org.gtlens.knime, exactly as shipped in the p2 site, in a real Equinox framework next to the test-only
 * org.knime.core stand-in (knime-stub-bundle): it resolves and starts, everything its plugin.xml names loads through
 * its classloader, the default model runs through ONNX Runtime from inside it, it can be uninstalled and installed
 * again, and nothing of the test classpath is visible to it.
 */
class PluginBundleTest {

    /** The node factories that the issue names; plugin.xml may name more. */
    static final List<String> FACTORIES = List.of("org.gtlens.knime.load.LoadGTransformerNodeFactory",
            "org.gtlens.knime.extract.ExtractRepresentationsNodeFactory",
            "org.gtlens.knime.heatmap.HeatmapNodeFactory");

    /** Which super type each kind of plugin.xml class attribute must have, loaded from org.knime.core. */
    static final Map<String, String> SUPER_TYPES = Map.of("factory-class", "org.knime.core.node.NodeFactory",
            "objectClass", "org.knime.core.node.port.PortObject",
            "objectSerializer", "org.knime.core.node.port.PortObject$PortObjectSerializer",
            "specClass", "org.knime.core.node.port.PortObjectSpec",
            "specSerializer", "org.knime.core.node.port.PortObjectSpec$PortObjectSpecSerializer");

    static final String MISSING_KNIME = "Unresolved requirement: Require-Bundle: org.knime.core";

    @TempDir
    Path storage;

    @Test
    void resolvesAndStartsAgainstOrgKnimeCore() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            Bundle knime = osgi.install(ItFiles.stubBundle());
            assertEquals("org.knime.core", knime.getSymbolicName());
            assertTrue(knime.getVersion().compareTo(new Version(5, 5, 0)) >= 0, "stand-in version " + knime.getVersion());

            Bundle plugin = osgi.install(ItFiles.pluginBundle());
            assertEquals(ItFiles.BUNDLE_ID, plugin.getSymbolicName());
            String bsn = plugin.getHeaders().get("Bundle-SymbolicName");
            assertTrue(bsn.replace(" ", "").contains("singleton:=true"), "plugin.xml bundles must be singletons: " + bsn);
            String requireBundle = plugin.getHeaders().get("Require-Bundle");
            assertNotNull(requireBundle, "no Require-Bundle header");
            assertTrue(requireBundle.contains("org.knime.core"), "Require-Bundle: " + requireBundle);

            assertTrue(osgi.context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(plugin)),
                    "the plugin does not resolve");
            plugin.start();
            assertEquals(Bundle.ACTIVE, plugin.getState(), "plugin state");

            BundleWiring wiring = plugin.adapt(BundleWiring.class);
            List<BundleWire> required = wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE);
            assertTrue(required.stream().anyMatch(w -> w.getProvider().getBundle().equals(knime)),
                    "Require-Bundle org.knime.core is not wired to the stand-in: " + required);
            String filter = required.stream().filter(w -> w.getProvider().getBundle().equals(knime)).findFirst()
                    .orElseThrow().getRequirement().getDirectives().get("filter");
            assertTrue(filter.contains("(bundle-version>=5.5.0)") && filter.contains("(!(bundle-version>=6.0.0))"),
                    "org.knime.core must be required as [5.5.0,6.0.0): " + filter);

            // Every Bundle-ClassPath entry is really inside the bundle (embedded jars are not silently missing).
            String classPath = plugin.getHeaders().get("Bundle-ClassPath");
            if (classPath != null) {
                for (String entry : classPath.split(",")) {
                    String path = entry.split(";")[0].trim();
                    if (!path.equals(".")) {
                        assertNotNull(plugin.getEntry(path), "Bundle-ClassPath entry missing from the bundle: " + path);
                    }
                }
            }
        }
    }

    @Test
    void everyClassNamedInPluginXmlLoadsThroughTheBundle() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            Bundle knime = osgi.install(ItFiles.stubBundle());
            Bundle plugin = started(osgi);
            URL pluginXml = plugin.getEntry("plugin.xml");
            assertNotNull(pluginXml, "no plugin.xml at the root of the bundle");
            PluginXml xml = PluginXml.read(pluginXml);
            assertTrue(xml.nodeFactories().containsAll(FACTORIES),
                    "plugin.xml node factories " + xml.nodeFactories() + " lack some of " + FACTORIES);
            assertTrue(xml.points.contains("org.knime.core.PortType"), "plugin.xml registers no port type");

            List<String> failures = new ArrayList<>();
            for (PluginXml.Ref ref : xml.classes) {
                try {
                    Class<?> c = plugin.loadClass(ref.value());
                    if (!plugin.equals(FrameworkUtil.getBundle(c))) {
                        failures.add(ref + ": loaded from " + FrameworkUtil.getBundle(c) + ", not from the plugin");
                        continue;
                    }
                    String superName = SUPER_TYPES.get(ref.attribute());
                    if (superName != null && ref.point().startsWith("org.knime.")) {
                        Class<?> superType = knime.loadClass(superName);
                        if (!superType.isAssignableFrom(c)) {
                            failures.add(ref + ": is not a " + superName + " of org.knime.core");
                        }
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    failures.add(ref + ": " + e);
                }
            }
            assertTrue(failures.isEmpty(), "plugin.xml classes that do not load:\n" + String.join("\n", failures));

            for (String name : xml.nodeFactories()) {
                Class<?> factory = plugin.loadClass(name);
                // KNIME creates node factories with their public no-argument constructor.
                Object instance = factory.getConstructor().newInstance();
                assertSame(factory, instance.getClass());
                // KNIME reads the node description from <FactorySimpleName>.xml next to the factory class.
                String description = factory.getSimpleName() + ".xml";
                URL url = factory.getResource(description);
                assertNotNull(url, "node description " + description + " missing next to " + name);
                try (InputStream in = url.openStream()) {
                    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                    dbf.setNamespaceAware(true);
                    Document doc = dbf.newDocumentBuilder().parse(in);
                    assertEquals("knimeNode", doc.getDocumentElement().getLocalName(), description + " root element");
                }
            }
            for (PluginXml.Ref ref : xml.resources) {
                assertNotNull(plugin.getEntry(ref.value()), ref + ": no such file in the bundle");
            }
        }
    }

    @Test
    void defaultModelRunsThroughOnnxRuntimeInsideTheBundle() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            osgi.install(ItFiles.stubBundle());
            Bundle plugin = started(osgi);
            ClassLoader bundleLoader = plugin.adapt(BundleWiring.class).getClassLoader();

            assertNull(System.getProperty("onnxruntime.native.path"),
                    "ONNX Runtime must take its native library from its classpath, i.e. from inside the bundle");
            String nativeDir = "ai/onnxruntime/native/" + platform() + "/";
            URL nativeLib = bundleLoader.getResource(nativeDir + System.mapLibraryName("onnxruntime"));
            assertNotNull(nativeLib, "no ONNX Runtime native library for " + platform() + " in the bundle");
            assertTrue(nativeLib.getProtocol().startsWith("bundle"), "native library not from the bundle: " + nativeLib);
            Class<?> ort = bundleLoader.loadClass("ai.onnxruntime.OrtEnvironment");
            assertEquals(plugin, FrameworkUtil.getBundle(ort), "ONNX Runtime must be the bundle's own copy");

            List<String> tempBefore = onnxRuntimeTempFolders();
            ModelRun inBundle = ModelRun.with(bundleLoader);
            // the native libraries were unpacked once into the bundle's data area, not into a new temporary folder,
            // and the property that pointed ONNX Runtime there was taken back (other extensions' copies never see it)
            assertNull(System.getProperty("onnxruntime.native.path"), "the bundle must not leave the property set");
            java.io.File[] unpacked = plugin.getDataFile("native").listFiles();
            assertNotNull(unpacked, "no native folder in the bundle's data area");
            assertEquals(1, unpacked.length, Arrays.toString(unpacked));
            assertTrue(unpacked[0].getName().startsWith("onnxruntime-") && unpacked[0].getName().contains(platform()),
                    unpacked[0].getName());
            assertTrue(new java.io.File(unpacked[0], System.mapLibraryName("onnxruntime")).length() > 1_000_000,
                    "the ONNX Runtime library in " + unpacked[0]);
            // ONNX Runtime 1.20.0 still makes its temporary folder and only marks it for deletion at exit; it must
            // stay empty (without the cache it holds both libraries until the JVM ends, and for good on Windows)
            List<String> added = onnxRuntimeTempFolders();
            added.removeAll(tempBefore);
            for (String name : added) {
                String[] inside = new java.io.File(System.getProperty("java.io.tmpdir"), name).list();
                assertEquals(List.of(), inside == null ? List.of() : Arrays.asList(inside),
                        "what the bundle's start of ONNX Runtime left in " + name);
            }
            assertEquals(ModelRun.SEQUENCE.length, inBundle.nextTokens().length);
            assertTrue(inBundle.depth() >= 1, "depth " + inBundle.depth());
            for (float p : inBundle.probabilities()) {
                assertTrue(p > 0f && p <= 1f, "probability " + p);
            }
            for (float v : inBundle.finalLogprobs()) {
                assertTrue(Float.isFinite(v) && v <= 1e-6f, "log-probability " + v);
            }

            // The same engine on the plain test classpath gives the very same numbers.
            ModelRun plain = ModelRun.with(PluginBundleTest.class.getClassLoader());
            assertArrayEquals(plain.nextTokens(), inBundle.nextTokens(), "predicted tokens");
            assertArrayEquals(plain.probabilities(), inBundle.probabilities(), "probabilities");
            assertArrayEquals(plain.finalLogprobs(), inBundle.finalLogprobs(), "final log-probabilities");
        }
    }

    /** The names of ONNX Runtime's own temporary folders (onnxruntime-java...) in java.io.tmpdir, sorted. */
    private static List<String> onnxRuntimeTempFolders() {
        String[] names = new java.io.File(System.getProperty("java.io.tmpdir"))
                .list((dir, name) -> name.startsWith("onnxruntime-java"));
        List<String> sorted = new ArrayList<>(Arrays.asList(names == null ? new String[0] : names));
        sorted.sort(null);
        return sorted;
    }

    @Test
    void uninstallAndReinstallWork() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            osgi.install(ItFiles.stubBundle());
            Bundle first = started(osgi);
            long firstId = first.getBundleId();
            Class<?> firstFactory = first.loadClass(FACTORIES.get(0));
            Class<?> firstModel = first.loadClass("org.gtlens.runtime.GTransformer");

            first.stop();
            assertEquals(Bundle.RESOLVED, first.getState());
            osgi.uninstall(first);
            assertEquals(Bundle.UNINSTALLED, first.getState());
            assertTrue(Arrays.stream(osgi.context().getBundles())
                    .noneMatch(b -> ItFiles.BUNDLE_ID.equals(b.getSymbolicName())), "still installed after uninstall");

            Bundle second = started(osgi);
            assertNotEquals(firstId, second.getBundleId());
            Class<?> secondFactory = second.loadClass(FACTORIES.get(0));
            assertNotSame(firstFactory, secondFactory, "the reinstalled bundle must have a new classloader");
            assertNotSame(firstModel.getClassLoader(), second.loadClass("org.gtlens.runtime.GTransformer").getClassLoader());
            secondFactory.getConstructor().newInstance();

            // ONNX Runtime loads its native library again, for the new classloader, and runs.
            ModelRun run = ModelRun.with(second.adapt(BundleWiring.class).getClassLoader());
            assertEquals(ModelRun.SEQUENCE.length, run.nextTokens().length);

            second.stop();
            osgi.uninstall(second);
            assertEquals(Bundle.UNINSTALLED, second.getState());
        }
    }

    @Test
    void nothingLeaksInFromTheTestClasspath() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            Bundle knime = osgi.install(ItFiles.stubBundle());
            Bundle plugin = started(osgi);
            ClassLoader testLoader = PluginBundleTest.class.getClassLoader();

            // The engine and ONNX Runtime are on the test classpath too: the bundle must use its own copies.
            for (Class<?> own : List.of(org.gtlens.runtime.GTransformer.class, org.gtlens.repr.Extractor.class,
                    ai.onnxruntime.OrtEnvironment.class, com.google.gson.Gson.class)) {
                Class<?> viaBundle = plugin.loadClass(own.getName());
                assertNotSame(own, viaBundle, own.getName() + " leaked in from the test classpath");
                assertNotSame(own.getClassLoader(), viaBundle.getClassLoader());
                assertEquals(plugin, FrameworkUtil.getBundle(viaBundle), own.getName() + " not the bundle's own");
            }
            // The KNIME API comes from org.knime.core, and only from there (knime-api is not on the test classpath).
            assertEquals(knime, FrameworkUtil.getBundle(plugin.loadClass("org.knime.core.node.NodeFactory")));
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.knime.core.node.NodeFactory", false,
                    testLoader));

            // Test-only classes and resources are invisible to the bundle.
            for (String testOnly : List.of(PluginBundleTest.class.getName(), TestOnlyMarker.class.getName(),
                    Test.class.getName(), "org.junit.jupiter.api.Assertions")) {
                assertThrows(ClassNotFoundException.class, () -> plugin.loadClass(testOnly), testOnly);
            }
            assertNotNull(testLoader.getResource(TestOnlyMarker.RESOURCE), "sanity: the marker is on the test classpath");
            assertNull(plugin.getResource(TestOnlyMarker.RESOURCE), "a test classpath resource is visible in the bundle");
            Enumeration<URL> all = plugin.getResources(TestOnlyMarker.RESOURCE);
            assertFalse(all != null && all.hasMoreElements(), "a test classpath resource is visible in the bundle");
        }
    }

    @Test
    void embedsOnlyWhatTheNodesUse() throws Exception {
        // The nodes reach gtlens-core, ONNX Runtime, Gson (the contract check), JFreeSVG (the heatmap's SVG) and
        // JFreeChart 1.5 (every figure; not KNIME's own 1.0); the core's CSV readers and writers (commons-csv) serve
        // the command line only.
        List<String> expected = List.of(".", "lib/gtlens-core.jar", "lib/onnxruntime.jar", "lib/gson.jar",
                "lib/org.jfree.svg.jar", "lib/jfreechart.jar");
        try (Equinox osgi = new Equinox(storage)) {
            osgi.install(ItFiles.stubBundle());
            Bundle plugin = started(osgi);
            String classPath = plugin.getHeaders().get("Bundle-ClassPath");
            assertEquals(expected, List.of(classPath.split("\\s*,\\s*")));
            List<String> libs = new ArrayList<>();
            Enumeration<String> paths = plugin.getEntryPaths("lib/");
            while (paths != null && paths.hasMoreElements()) {
                libs.add(paths.nextElement());
            }
            libs.sort(null);
            assertEquals(expected.subList(1, expected.size()).stream().sorted().toList(), libs);
            assertThrows(ClassNotFoundException.class, () -> plugin.loadClass("org.apache.commons.csv.CSVFormat"));
            assertThrows(ClassNotFoundException.class, () -> plugin.loadClass("picocli.CommandLine"));
            Class<?> chart = plugin.loadClass("org.jfree.chart.JFreeChart");
            assertEquals(plugin.loadClass("org.gtlens.chart.plot.HeatmapGridPlot").getClassLoader(),
                    chart.getClassLoader(), "JFreeChart comes from inside the bundle");
        }
    }

    @Test
    void importsNoPackageOnlyJFreeChartsReflectionNames() throws Exception {
        // JFreeChart looks these up by name (SVG and PDF export, servlets); the SVG it uses is the embedded
        // org.jfree.svg, so an import could only wire it to a foreign copy in another bundle
        List<String> foreign = List.of("org.jfree.graphics2d", "org.jfree.pdf", "com.orsonpdf", "javax.servlet",
                "sun.misc", "org.jfree.svg", "org.jfree.chart");
        try (Equinox osgi = new Equinox(storage)) {
            osgi.install(ItFiles.stubBundle());
            Bundle plugin = started(osgi);
            String imports = plugin.getHeaders().get("Import-Package");
            String unquoted = imports == null ? "" : imports.replaceAll("\"[^\"]*\"", "\"\""); // ranges have commas
            for (String clause : unquoted.split(",")) {
                String name = clause.split(";")[0].trim();
                for (String f : foreign) {
                    assertFalse(name.equals(f) || name.startsWith(f + "."), "imports " + name + ": " + imports);
                }
            }
        }
    }

    @Test
    void withoutOrgKnimeCoreThePluginDoesNotResolve() throws Exception {
        try (Equinox osgi = new Equinox(storage)) {
            Bundle plugin = osgi.install(ItFiles.pluginBundle());
            BundleException e = assertThrows(BundleException.class, plugin::start);
            assertTrue(e.getMessage().contains(MISSING_KNIME), "unexpected message: " + e.getMessage());
            assertEquals(Bundle.INSTALLED, plugin.getState());
            assertThrows(ClassNotFoundException.class, () -> plugin.loadClass(FACTORIES.get(0)));
        }
    }

    /** Installs the plugin from the site and starts it (org.knime.core must be installed already). */
    private static Bundle started(Equinox osgi) throws Exception {
        Bundle plugin = osgi.install(ItFiles.pluginBundle());
        plugin.start();
        assertEquals(Bundle.ACTIVE, plugin.getState(), "plugin state");
        return plugin;
    }

    /** ONNX Runtime's name for this platform's native folder (linux-x64, osx-aarch64, win-x64, ...). */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : arch;
        return o + "-" + a;
    }
}
