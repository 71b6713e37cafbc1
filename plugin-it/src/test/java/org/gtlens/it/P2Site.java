package org.gtlens.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The metadata of a p2 repository as p2 writes it: installable units from content.jar (or content.xml) and
 * artifacts from artifacts.jar (or artifacts.xml). Only what the site checks need.
 */
final class P2Site {

    record Provided(String namespace, String name, String version) {
    }

    record Required(String namespace, String name, String range, boolean optional) {
    }

    record Unit(String id, String version, Map<String, String> properties, List<Provided> provides,
            List<Required> requires, List<String> licenses, String copyright) {

        String property(String name) {
            return properties.get(name);
        }

        Optional<Required> requirement(String namespace, String name) {
            return requires.stream().filter(r -> r.namespace().equals(namespace) && r.name().equals(name))
                    .findFirst();
        }

        boolean provides(String namespace, String name) {
            return provides.stream().anyMatch(p -> p.namespace().equals(namespace) && p.name().equals(name));
        }
    }

    record Artifact(String classifier, String id, String version) {
    }

    final List<Unit> units;
    final List<Artifact> artifacts;

    private P2Site(List<Unit> units, List<Artifact> artifacts) {
        this.units = units;
        this.artifacts = artifacts;
    }

    /** Reads the metadata of the repository folder {@code repo}. */
    static P2Site read(Path repo) throws Exception {
        return of(readXml(repo, "content"), readXml(repo, "artifacts"));
    }

    static P2Site of(Document content, Document artifacts) {
        List<Unit> units = new ArrayList<>();
        for (Element unit : children(content.getDocumentElement(), "units", "unit")) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Element p : children(unit, "properties", "property")) {
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            List<Provided> provides = new ArrayList<>();
            for (Element p : children(unit, "provides", "provided")) {
                provides.add(new Provided(p.getAttribute("namespace"), p.getAttribute("name"), p.getAttribute("version")));
            }
            List<Required> requires = new ArrayList<>();
            for (Element r : children(unit, "requires", "required")) {
                String range = r.hasAttribute("range") ? r.getAttribute("range") : "0.0.0";
                requires.add(new Required(r.getAttribute("namespace"), r.getAttribute("name"), range,
                        Boolean.parseBoolean(r.getAttribute("optional"))));
            }
            List<String> licenses = new ArrayList<>();
            for (Element l : children(unit, "licenses", "license")) {
                licenses.add(l.getTextContent().trim());
            }
            Element copyright = child(unit, "copyright");
            units.add(new Unit(unit.getAttribute("id"), unit.getAttribute("version"), properties, provides, requires,
                    licenses, copyright == null ? "" : copyright.getTextContent().trim()));
        }
        List<Artifact> list = new ArrayList<>();
        for (Element a : children(artifacts.getDocumentElement(), "artifacts", "artifact")) {
            list.add(new Artifact(a.getAttribute("classifier"), a.getAttribute("id"), a.getAttribute("version")));
        }
        return new P2Site(units, list);
    }

    List<Unit> units(String id) {
        return units.stream().filter(u -> u.id().equals(id)).toList();
    }

    /** content.jar / artifacts.jar (one XML entry each), else the plain .xml. */
    static Document readXml(Path repo, String name) throws Exception {
        Path jar = repo.resolve(name + ".jar");
        Path xml = repo.resolve(name + ".xml");
        if (Files.isRegularFile(jar)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(name + ".xml");
                if (entry == null) {
                    throw new IOException(jar + " has no " + name + ".xml");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return parse(in);
                }
            }
        }
        if (Files.isRegularFile(xml)) {
            try (InputStream in = Files.newInputStream(xml)) {
                return parse(in);
            }
        }
        throw new IOException("not a p2 repository (no " + name + ".jar or " + name + ".xml): " + repo);
    }

    static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The {@code item} elements of the direct {@code list} child of {@code parent}. */
    private static List<Element> children(Element parent, String list, String item) {
        List<Element> result = new ArrayList<>();
        Element container = child(parent, list);
        if (container == null) {
            return result;
        }
        NodeList nodes = container.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(item)) {
                result.add(e);
            }
        }
        return result;
    }
}
