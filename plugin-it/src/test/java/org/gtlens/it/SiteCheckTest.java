package org.gtlens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@link SiteCheck} fails when the site's metadata lacks what KNIME needs: each test breaks one thing in a copy of the
 * real site's content.xml / artifacts.xml and expects the check to name it.
 */
class SiteCheckTest {

    private Document content;
    private Document artifacts;

    @BeforeEach
    void readRealSite() throws Exception {
        Path repo = ItFiles.site();
        content = P2Site.readXml(repo, "content");
        artifacts = P2Site.readXml(repo, "artifacts");
    }

    @Test
    void realSitePasses() {
        assertEquals(List.of(), problems());
    }

    @Test
    void failsWithoutTheFeatureGroup() {
        unit(SiteCheck.FEATURE_GROUP).getParentNode().removeChild(unit(SiteCheck.FEATURE_GROUP));
        assertMentions("feature group " + SiteCheck.FEATURE_GROUP);
    }

    @Test
    void failsWithoutTheBundle() {
        unit(ItFiles.BUNDLE_ID).getParentNode().removeChild(unit(ItFiles.BUNDLE_ID));
        assertMentions("bundle unit " + ItFiles.BUNDLE_ID);
    }

    @Test
    void failsWithoutTheBundlesRequirementOnOrgKnimeCore() {
        Element required = required(unit(ItFiles.BUNDLE_ID), "org.knime.core");
        required.getParentNode().removeChild(required);
        assertMentions("lacks its requirement on org.knime.core");
    }

    @Test
    void failsWhenTheKnimeRangeAdmitsOlderKnime() {
        required(unit(ItFiles.BUNDLE_ID), "org.knime.core").setAttribute("range", "[5.0.0,6.0.0)");
        assertMentions("[5.5.0,6.0.0)");
    }

    @Test
    void failsWhenTheFeatureRequiresKnime() {
        addRequirement(unit(SiteCheck.FEATURE_GROUP), "org.knime.workbench.repository");
        assertMentions("feature group requires org.knime.workbench.repository");
    }

    @Test
    void failsWithoutTheCategory() {
        for (Element u : units()) {
            forEachChild(u, "properties", p -> {
                if ("org.eclipse.equinox.p2.type.category".equals(((Element) p).getAttribute("name"))) {
                    ((Element) p).setAttribute("value", "false");
                }
            });
        }
        assertMentions("no category 'GT Lens'");
    }

    @Test
    void failsWhenTheSiteCarriesOtherBundles() {
        Element extra = (Element) unit(ItFiles.BUNDLE_ID).cloneNode(true);
        extra.setAttribute("id", "com.google.gson");
        unit(ItFiles.BUNDLE_ID).getParentNode().appendChild(extra);
        assertMentions("unexpected unit com.google.gson");
    }

    @Test
    void failsWithoutTheBundleArtifact() {
        NodeList list = artifacts.getElementsByTagName("artifact");
        for (int i = list.getLength() - 1; i >= 0; i--) {
            Element a = (Element) list.item(i);
            if (a.getAttribute("id").equals(ItFiles.BUNDLE_ID)) {
                a.getParentNode().removeChild(a);
            }
        }
        assertMentions("artifacts.jar lacks osgi.bundle " + ItFiles.BUNDLE_ID);
    }

    private List<String> problems() {
        return SiteCheck.problems(P2Site.of(content, artifacts), null);
    }

    private void assertMentions(String text) {
        List<String> problems = problems();
        assertFalse(problems.isEmpty(), "the check passed a broken site");
        assertTrue(problems.stream().anyMatch(p -> p.contains(text)), "no problem mentions '" + text + "': " + problems);
    }

    private List<Element> units() {
        NodeList list = content.getElementsByTagName("unit");
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }

    private Element unit(String id) {
        return units().stream().filter(u -> u.getAttribute("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("the real site has no unit " + id));
    }

    private static Element required(Element unit, String name) {
        NodeList list = unit.getElementsByTagName("required");
        for (int i = 0; i < list.getLength(); i++) {
            Element r = (Element) list.item(i);
            if (r.getAttribute("name").equals(name)) {
                return r;
            }
        }
        throw new AssertionError("unit " + unit.getAttribute("id") + " has no requirement " + name);
    }

    private void addRequirement(Element unit, String bundle) {
        Element requires = (Element) unit.getElementsByTagName("requires").item(0);
        Element r = content.createElement("required");
        r.setAttribute("namespace", "osgi.bundle");
        r.setAttribute("name", bundle);
        r.setAttribute("range", "[5.5.0,6.0.0)");
        requires.appendChild(r);
    }

    private static void forEachChild(Element unit, String list, Consumer<Node> action) {
        for (Node n = unit.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(list)) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element) {
                        action.accept(c);
                    }
                }
            }
        }
    }
}
