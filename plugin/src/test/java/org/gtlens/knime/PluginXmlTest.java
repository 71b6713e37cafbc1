package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gtlens.knime.port.GTransformerPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks plugin.xml against the PDE extension point schemas (*.exsd) of KNIME: for each {@code <extension point>}
 * the schema is picked by its meta.schema plugin + id; every element must be declared there and allowed under its
 * parent, required attributes present, no undeclared attributes, java attributes naming existing classes of the
 * declared base types, resource attributes naming existing files.
 */
class PluginXmlTest {

    /**
     * Extension point ids that differ from the schema's meta.schema id: org.knime.workbench.repository's plugin.xml
     * declares {@code <extension-point id="nodes" schema="schema/Node.exsd"/>} and
     * {@code <extension-point id="categories" schema="schema/Category.exsd"/>} (schemas with ids node / category).
     */
    static final Map<String, String> POINT_TO_SCHEMA = Map.of(
        "org.knime.workbench.repository.nodes", "org.knime.workbench.repository.node",
        "org.knime.workbench.repository.categories", "org.knime.workbench.repository.category");

    record Attr(String name, String use, String kind, String basedOn) {
    }

    record Decl(String name, Set<String> children, Map<String, Attr> attributes) {
    }

    record Schema(String id, Map<String, Decl> elements) {
    }

    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    static Document parse(final Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(p.toFile());
    }

    static Schema readSchema(final Path exsd) throws Exception {
        Document d = parse(exsd);
        Element meta = (Element)d.getElementsByTagName("meta.schema").item(0);
        String id = meta.getAttribute("plugin") + "." + meta.getAttribute("id");
        Map<String, Decl> elements = new HashMap<>();
        for (Element e : children(d.getDocumentElement(), "element")) {
            Set<String> refs = new HashSet<>();
            Map<String, Attr> attrs = new HashMap<>();
            collect(e, refs, attrs);
            elements.put(e.getAttribute("name"), new Decl(e.getAttribute("name"), refs, attrs));
        }
        return new Schema(id, elements);
    }

    private static void collect(final Element e, final Set<String> refs, final Map<String, Attr> attrs) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            if ("element".equals(c.getLocalName()) && c.hasAttribute("ref")) {
                refs.add(c.getAttribute("ref"));
            } else if ("attribute".equals(c.getLocalName())) {
                Element ma = first(c, "meta.attribute");
                attrs.put(c.getAttribute("name"), new Attr(c.getAttribute("name"), c.getAttribute("use"),
                    ma == null ? "" : ma.getAttribute("kind"), ma == null ? "" : ma.getAttribute("basedOn")));
            } else if (!"annotation".equals(c.getLocalName())) {
                collect(c, refs, attrs);
            }
        }
    }

    private static Element first(final Element e, final String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element)l.item(0);
    }

    static List<Element> children(final Element e, final String localName) {
        List<Element> l = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (localName == null || localName.equals(c.getLocalName() != null
                ? c.getLocalName() : c.getTagName()))) {
                l.add(c);
            }
        }
        return l;
    }

    static Map<String, Schema> schemas() throws Exception {
        Map<String, Schema> m = new HashMap<>();
        try (Stream<Path> s = Files.list(TestSupport.shared().resolve("knime/schemas"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".exsd")).toList()) {
                Schema schema = readSchema(p);
                m.put(schema.id(), schema);
            }
        }
        return m;
    }

    static Path pluginXml() {
        return Path.of("src/main/resources/plugin.xml");
    }

    /** @return every problem found, one line each */
    static List<String> check(final Path pluginXml, final Map<String, Schema> schemas) throws Exception {
        List<String> problems = new ArrayList<>();
        Document d = parse(pluginXml);
        for (Element ext : children(d.getDocumentElement(), "extension")) {
            String point = ext.getAttribute("point");
            Schema s = schemas.get(POINT_TO_SCHEMA.getOrDefault(point, point));
            if (s == null) {
                problems.add("No schema for extension point " + point);
                continue;
            }
            checkElement(ext, s.elements().get("extension"), s, problems);
        }
        return problems;
    }

    private static void checkElement(final Element e, final Decl decl, final Schema s, final List<String> problems) {
        String where = s.id() + " <" + e.getTagName() + ">";
        if (decl == null) {
            problems.add(where + " is not declared in the schema");
            return;
        }
        for (Attr a : decl.attributes().values()) {
            if ("required".equals(a.use()) && !e.hasAttribute(a.name())) {
                problems.add(where + " lacks required attribute " + a.name());
            }
        }
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            String name = e.getAttributes().item(i).getNodeName();
            Attr a = decl.attributes().get(name);
            if (a == null) {
                problems.add(where + " has undeclared attribute " + name);
            } else if ("java".equals(a.kind())) {
                checkClass(where, name, e.getAttribute(name), a.basedOn(), problems);
            } else if ("resource".equals(a.kind()) && !new File("src/main/resources", e.getAttribute(name)).isFile()) {
                problems.add(where + " attribute " + name + " names missing resource " + e.getAttribute(name));
            }
        }
        for (Element c : children(e, null)) {
            if (!decl.children().contains(c.getTagName())) {
                problems.add(where + " may not contain <" + c.getTagName() + ">");
            }
            checkElement(c, s.elements().get(c.getTagName()), s, problems);
        }
    }

    private static void checkClass(final String where, final String attr, final String className,
        final String basedOn, final List<String> problems) {
        Class<?> c;
        try {
            c = Class.forName(className, false, PluginXmlTest.class.getClassLoader());
        } catch (ClassNotFoundException ex) {
            problems.add(where + " attribute " + attr + " names missing class " + className);
            return;
        }
        for (String base : basedOn.split(":")) {
            if (base.isBlank()) {
                continue;
            }
            try {
                Class<?> b = Class.forName(base.trim(), false, PluginXmlTest.class.getClassLoader());
                if (!b.isAssignableFrom(c)) {
                    problems.add(where + " attribute " + attr + ": " + className + " is not a " + base);
                }
            } catch (ClassNotFoundException ex) {
                problems.add(where + " attribute " + attr + ": base type " + base + " not found");
            }
        }
    }

    @Test
    void pluginXmlConformsToTheExtensionPointSchemas() throws Exception {
        Map<String, Schema> schemas = schemas();
        assertTrue(schemas.containsKey("org.knime.core.PortType"), schemas.keySet().toString());
        List<String> problems = check(pluginXml(), schemas);
        assertEquals(List.of(), problems);
    }

    @Test
    void checkerCatchesMistakes(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
        Map<String, Schema> schemas = schemas();
        String xml = Files.readString(pluginXml())
            .replace("level-id=\"gtlens\"", "")
            .replace("org.gtlens.knime.heatmap.HeatmapNodeFactory\"", "org.gtlens.knime.heatmap.NoSuchFactory\"")
            .replace("color=\"#5E3C99\"", "colour=\"#5E3C99\"")
            .replace("specClass=\"org.gtlens.knime.port.GTransformerPortObjectSpec\"",
                "specClass=\"org.gtlens.knime.port.GTransformerPortObject\"");
        Path bad = dir.resolve("plugin.xml");
        Files.writeString(bad, xml);
        String all = String.join("\n", check(bad, schemas));
        assertTrue(all.contains("lacks required attribute level-id"), all);
        assertTrue(all.contains("names missing class org.gtlens.knime.heatmap.NoSuchFactory"), all);
        assertTrue(all.contains("has undeclared attribute colour"), all);
        assertTrue(all.contains("is not a org.knime.core.node.port.PortObjectSpec"), all);
    }

    @Test
    void nodesSitInTheDeclaredCategoryAndThePortTypeMatchesTheCode() throws Exception {
        Document d = parse(pluginXml());
        Element category = (Element)d.getElementsByTagName("category").item(0);
        assertEquals("GT Lens", category.getAttribute("name"));
        assertEquals("/", category.getAttribute("path"));
        String path = "/" + category.getAttribute("level-id");
        NodeList nodes = d.getElementsByTagName("node");
        assertEquals(5, nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element)nodes.item(i);
            assertEquals(path, n.getAttribute("category-path"));
            Class<?> f = Class.forName(n.getAttribute("factory-class"));
            assertTrue(NodeFactory.class.isAssignableFrom(f));
            try (InputStream in = f.getResourceAsStream(f.getSimpleName() + ".xml")) {
                assertNotNull(in, "description of " + f.getName());
            }
        }
        Element port = (Element)d.getElementsByTagName("portType").item(0);
        assertEquals(GTransformerPortObject.TYPE.getPortObjectClass().getName(), port.getAttribute("objectClass"));
        assertEquals("GTransformer", port.getAttribute("name"));
        assertNotNull(Class.forName(port.getAttribute("objectSerializer")));
        assertNotNull(Class.forName(port.getAttribute("specSerializer")));
    }
}
