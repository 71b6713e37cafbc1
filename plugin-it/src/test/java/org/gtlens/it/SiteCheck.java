package org.gtlens.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What the GT Lens p2 site must contain for KNIME to install it, as a list of problems (empty when fine): the
 * feature group in category "GT Lens", the bundle it includes, the bundle's requirement on org.knime.core
 * [5.5.0,6.0.0) (which KNIME resolves at install), no feature-level requirement on KNIME, the artifacts of both, and
 * nothing else.
 */
final class SiteCheck {

    static final String FEATURE_GROUP = ItFiles.FEATURE_ID + ".feature.group";
    static final String FEATURE_JAR = ItFiles.FEATURE_ID + ".feature.jar";
    static final String IU = "org.eclipse.equinox.p2.iu";
    static final String NAME = "org.eclipse.equinox.p2.name";
    static final String CATEGORY = "org.eclipse.equinox.p2.type.category";
    static final String LABEL = "GT Lens";
    /** Units Tycho always adds: the execution environment it published (not installed by KNIME). */
    static final Set<String> ALLOWED_EXTRA = Set.of("a.jre.javase", "config.a.jre.javase");

    private SiteCheck() {
    }

    /**
     * @param repo the repository folder, to check that the artifacts' files exist; null to check metadata only
     */
    static List<String> problems(P2Site site, Path repo) {
        List<String> problems = new ArrayList<>();

        List<P2Site.Unit> groups = site.units(FEATURE_GROUP);
        List<P2Site.Unit> bundles = site.units(ItFiles.BUNDLE_ID);
        List<P2Site.Unit> featureJars = site.units(FEATURE_JAR);
        if (groups.size() != 1) {
            problems.add("expected exactly one feature group " + FEATURE_GROUP + ", found " + groups.size());
        }
        if (bundles.size() != 1) {
            problems.add("expected exactly one bundle unit " + ItFiles.BUNDLE_ID + ", found " + bundles.size());
        }
        if (featureJars.size() != 1) {
            problems.add("expected exactly one feature jar unit " + FEATURE_JAR + ", found " + featureJars.size());
        }

        P2Site.Unit bundle = bundles.size() == 1 ? bundles.get(0) : null;
        if (bundle != null) {
            if (!bundle.provides("osgi.bundle", ItFiles.BUNDLE_ID)) {
                problems.add("unit " + ItFiles.BUNDLE_ID + " does not provide the bundle osgi.bundle/" + ItFiles.BUNDLE_ID);
            }
            Optional<P2Site.Required> knime = bundle.requirement("osgi.bundle", "org.knime.core");
            if (knime.isEmpty()) {
                problems.add("bundle " + ItFiles.BUNDLE_ID + " lacks its requirement on org.knime.core "
                        + "(Require-Bundle: org.knime.core;bundle-version=\"[5.5.0,6.0.0)\")");
            } else {
                P2Site.Required r = knime.get();
                if (r.optional()) {
                    problems.add("the requirement on org.knime.core must not be optional");
                }
                problems.addAll(rangeProblems(r.range()));
            }
        }

        P2Site.Unit group = groups.size() == 1 ? groups.get(0) : null;
        if (group != null) {
            if (!LABEL.equals(group.property(NAME))) {
                problems.add("feature label is '" + group.property(NAME) + "', expected '" + LABEL + "'");
            }
            if (group.licenses().isEmpty() || group.licenses().get(0).isBlank()) {
                problems.add("the feature has no licence text");
            } else {
                problems.addAll(licenceProblems(group.licenses().get(0)));
            }
            if (group.copyright().isBlank()) {
                problems.add("the feature has no copyright");
            }
            Optional<P2Site.Required> includes = group.requirement(IU, ItFiles.BUNDLE_ID);
            if (includes.isEmpty()) {
                problems.add("feature group " + FEATURE_GROUP + " does not include " + ItFiles.BUNDLE_ID);
            } else if (bundle != null
                    && !VersionRange.valueOf(includes.get().range()).includes(Version.valueOf(bundle.version()))) {
                problems.add("feature group includes " + ItFiles.BUNDLE_ID + " " + includes.get().range()
                        + " but the site has " + bundle.version());
            }
            for (P2Site.Required r : group.requires()) {
                if (r.name().startsWith("org.knime")) {
                    problems.add("feature group requires " + r.name() + " (no <requires> in feature.xml: KNIME is "
                            + "required by the bundle's Require-Bundle only)");
                }
            }
        }

        List<P2Site.Unit> categories = site.units.stream().filter(u -> "true".equals(u.property(CATEGORY))).toList();
        boolean categorized = categories.stream().anyMatch(
                c -> LABEL.equals(c.property(NAME)) && c.requirement(IU, FEATURE_GROUP).isPresent());
        if (!categorized) {
            problems.add("no category '" + LABEL + "' that contains " + FEATURE_GROUP
                    + " (KNIME's install dialog shows categories only)");
        }

        for (P2Site.Unit u : site.units) {
            boolean expected = u.id().equals(FEATURE_GROUP) || u.id().equals(FEATURE_JAR)
                    || u.id().equals(ItFiles.BUNDLE_ID) || ALLOWED_EXTRA.contains(u.id()) || categories.contains(u);
            if (!expected) {
                problems.add("unexpected unit " + u.id() + " " + u.version()
                        + " (the site ships GT Lens only; KNIME and its libraries come from the installation)");
            }
        }

        if (bundle != null) {
            problems.addAll(artifactProblems(site, repo, "osgi.bundle", ItFiles.BUNDLE_ID, bundle.version(), "plugins"));
        }
        if (featureJars.size() == 1) {
            problems.addAll(artifactProblems(site, repo, "org.eclipse.update.feature", ItFiles.FEATURE_ID,
                    featureJars.get(0).version(), "features"));
        }
        return problems;
    }

    /** Every embedded library (Bundle-ClassPath) is named with its licence, and nothing that is not embedded. */
    static List<String> licenceProblems(String licence) {
        List<String> problems = new ArrayList<>();
        for (String named : List.of("ONNX Runtime", "MIT License", "JFreeChart", "LGPL-2.1-or-later", "JFreeSVG",
                "GNU General Public License version 3", "Gson", "Apache License 2.0")) {
            if (!licence.contains(named)) {
                problems.add("the feature's licence text does not name " + named);
            }
        }
        if (licence.contains("Commons CSV")) {
            problems.add("the feature's licence text names Commons CSV, which is not embedded");
        }
        return problems;
    }

    /** The bundle must accept KNIME 5.5 and later 5.x, and nothing older or 6.0. */
    static List<String> rangeProblems(String range) {
        List<String> problems = new ArrayList<>();
        VersionRange r;
        try {
            r = VersionRange.valueOf(range);
        } catch (IllegalArgumentException e) {
            problems.add("org.knime.core range is not a version range: " + range);
            return problems;
        }
        if (!r.includes(new Version(5, 5, 0)) || r.includes(new Version(5, 4, 99)) || r.includes(new Version(6, 0, 0))) {
            problems.add("org.knime.core must be required as [5.5.0,6.0.0), is " + range);
        }
        return problems;
    }

    private static List<String> artifactProblems(P2Site site, Path repo, String classifier, String id,
            String version, String folder) {
        List<String> problems = new ArrayList<>();
        boolean listed = site.artifacts.stream().anyMatch(
                a -> a.classifier().equals(classifier) && a.id().equals(id) && a.version().equals(version));
        if (!listed) {
            problems.add("artifacts.jar lacks " + classifier + " " + id + " " + version);
        }
        if (repo != null) {
            Path file = repo.resolve(folder).resolve(id + "_" + version + ".jar");
            if (!Files.isRegularFile(file)) {
                problems.add("missing file " + repo.relativize(file));
            }
        }
        return problems;
    }
}
