package org.gtlens.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a bundle's plugin.xml names: the Java classes that KNIME will load from it (node and node-set factories,
 * port object and spec classes and their serializers, per the extension-point schemas in shared/knime/schemas) and
 * the resources it points to (category icons).
 */
final class PluginXml {

    /** Attributes whose value is a class name, per the .exsd files (meta.attribute kind="java"). */
    static final Set<String> CLASS_ATTRIBUTES = Set.of("factory-class", "class", "objectClass", "objectSerializer",
            "specClass", "specSerializer");
    /** Attributes whose value is a path inside the bundle (meta.attribute kind="resource"). */
    static final Set<String> RESOURCE_ATTRIBUTES = Set.of("icon");

    /** One class or resource reference: extension point, element, attribute and value. */
    record Ref(String point, String element, String attribute, String value) {
        @Override
        public String toString() {
            return point + " <" + element + " " + attribute + "=\"" + value + "\">";
        }
    }

    final List<Ref> classes = new ArrayList<>();
    final List<Ref> resources = new ArrayList<>();
    final List<String> points = new ArrayList<>();

    static PluginXml read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return parse(in);
        }
    }

    static PluginXml parse(InputStream in) throws IOException {
        Document doc;
        try {
            doc = builder().parse(in);
        } catch (SAXException e) {
            throw new IOException("plugin.xml is not well-formed XML: " + e.getMessage(), e);
        }
        PluginXml result = new PluginXml();
        Element plugin = doc.getDocumentElement();
        if (!"plugin".equals(plugin.getTagName())) {
            throw new IOException("plugin.xml root element is <" + plugin.getTagName() + ">, not <plugin>");
        }
        NodeList extensions = plugin.getElementsByTagName("extension");
        for (int i = 0; i < extensions.getLength(); i++) {
            Element extension = (Element) extensions.item(i);
            String point = extension.getAttribute("point");
            result.points.add(point);
            collect(extension, point, result);
        }
        return result;
    }

    private static void collect(Element parent, String point, PluginXml into) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element element = (Element) child;
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                Ref ref = new Ref(point, element.getTagName(), attribute.getNodeName(), attribute.getNodeValue().trim());
                if (CLASS_ATTRIBUTES.contains(ref.attribute())) {
                    into.classes.add(ref);
                } else if (RESOURCE_ATTRIBUTES.contains(ref.attribute())) {
                    into.resources.add(ref);
                }
            }
            collect(element, point, into);
        }
    }

    /** Node factories (extension point org.knime.workbench.repository.nodes). */
    List<String> nodeFactories() {
        return classes.stream().filter(r -> r.point().equals("org.knime.workbench.repository.nodes")
                && r.attribute().equals("factory-class")).map(Ref::value).toList();
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }
}
