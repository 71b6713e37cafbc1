package org.gtlens.knime.bundle;

import java.io.File;

import org.gtlens.runtime.NativeRuntime;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Started by the framework before any class of the bundle runs (lazy activation): points ONNX Runtime's native
 * libraries at the bundle's own data area, where they are unpacked once per version, instead of into a new
 * temporary folder at every start of KNIME (which Windows never cleans up). The folder is only set while the
 * bundle's copy of ONNX Runtime starts, so other extensions' copies in the same JVM are not affected; without a data
 * area (a framework without file support) ONNX Runtime unpacks as it always does.
 */
public final class GtLensBundle implements BundleActivator {

    /** The data area's folder that holds the unpacked libraries. */
    static final String NATIVE_FOLDER = "native";

    @Override
    public void start(final BundleContext context) {
        File area = context.getDataFile(NATIVE_FOLDER);
        if (area != null) {
            NativeRuntime.useCacheWhileStarting(area.toPath());
        }
    }

    @Override
    public void stop(final BundleContext context) {
        // nothing to release: a loaded native library stays with its class loader until that is collected
    }
}
