package org.gtlens.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/** A real Equinox framework started inside the test JVM, with its own storage folder. */
final class Equinox implements AutoCloseable {

    private final Framework framework;

    Equinox(Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Keep the framework's settings out of the test JVM's system properties (several frameworks run in turn).
        config.put("osgi.framework.useSystemProperties", "false");
        // Bundles see the JDK through the system bundle's exports and java.* only: never the test classpath.
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_BOOT);
        config.put("osgi.compatibility.bootdelegation", "false");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework (org.eclipse.osgi) on the classpath"));
        framework = factory.newFramework(config);
        framework.start();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs a bundle jar in place (no copy into the storage). */
    Bundle install(Path jar) throws BundleException {
        return context().installBundle("reference:" + jar.toAbsolutePath().toUri());
    }

    /** Uninstalls, then refreshes so that nothing keeps the old bundle's wiring and classloader. */
    void uninstall(Bundle bundle) throws BundleException, InterruptedException {
        bundle.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("refresh after uninstall did not finish in 30 s");
        }
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        FrameworkEvent stopped = framework.waitForStop(30_000);
        if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            throw new IllegalStateException("Equinox did not stop in 30 s");
        }
    }
}
