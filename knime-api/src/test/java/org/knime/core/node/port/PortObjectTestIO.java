package org.knime.core.node.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Test support (test-jar of the knime-api stand-in): saves and loads port objects and specs through their
 * serializers into real zip streams, as KNIME does when a workflow is saved and reopened. Without an explicit
 * serializer the one found by {@link PortTypeRegistry} is used (a public static nested serializer class of the port
 * object or spec class, e.g. {@code public static final class Serializer extends AbstractPortObjectSerializer<X>}).
 */
public final class PortObjectTestIO {

    private PortObjectTestIO() {
    }

    /**
     * @param out target stream
     * @return a port object zip stream over it
     */
    public static PortObjectZipOutputStream newPortObjectOutput(final OutputStream out) {
        return new PortObjectZipOutputStream(out);
    }

    /**
     * @param in source stream
     * @return a port object zip stream over it
     */
    public static PortObjectZipInputStream newPortObjectInput(final InputStream in) {
        return new PortObjectZipInputStream(in);
    }

    /**
     * @param out target stream
     * @return a spec zip stream over it
     */
    public static PortObjectSpecZipOutputStream newSpecOutput(final OutputStream out) {
        return new PortObjectSpecZipOutputStream(out);
    }

    /**
     * @param in source stream
     * @return a spec zip stream over it
     */
    public static PortObjectSpecZipInputStream newSpecInput(final InputStream in) {
        return new PortObjectSpecZipInputStream(in);
    }

    /**
     * @param <S> the spec class
     * @param spec a spec
     * @param serializer its serializer
     * @return the zip bytes
     * @throws IOException if saving fails
     */
    public static <S extends PortObjectSpec> byte[] saveSpec(final S spec, final PortObjectSpecSerializer<S> serializer)
        throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = new PortObjectSpecZipOutputStream(bytes)) {
            serializer.savePortObjectSpec(spec, out);
        }
        return bytes.toByteArray();
    }

    /**
     * @param <S> the spec class
     * @param zip bytes written by {@link #saveSpec}
     * @param serializer the serializer
     * @return the loaded spec
     * @throws IOException if loading fails
     */
    public static <S extends PortObjectSpec> S loadSpec(final byte[] zip, final PortObjectSpecSerializer<S> serializer)
        throws IOException {
        try (PortObjectSpecZipInputStream in = new PortObjectSpecZipInputStream(new ByteArrayInputStream(zip))) {
            return serializer.loadPortObjectSpec(in);
        }
    }

    /**
     * @param <P> the port object class
     * @param object a port object
     * @param serializer its serializer
     * @return the zip bytes
     * @throws IOException if saving fails
     * @throws CanceledExecutionException never
     */
    public static <P extends PortObject> byte[] savePortObject(final P object, final PortObjectSerializer<P> serializer)
        throws IOException, CanceledExecutionException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = new PortObjectZipOutputStream(bytes)) {
            serializer.savePortObject(object, out, new ExecutionMonitor());
        }
        return bytes.toByteArray();
    }

    /**
     * @param <P> the port object class
     * @param zip bytes written by {@link #savePortObject}
     * @param serializer the serializer
     * @param spec the (loaded) spec of the object
     * @return the loaded object
     * @throws IOException if loading fails
     * @throws CanceledExecutionException never
     */
    public static <P extends PortObject> P loadPortObject(final byte[] zip, final PortObjectSerializer<P> serializer,
        final PortObjectSpec spec) throws IOException, CanceledExecutionException {
        try (PortObjectZipInputStream in = new PortObjectZipInputStream(new ByteArrayInputStream(zip))) {
            return serializer.loadPortObject(in, spec, new ExecutionMonitor());
        }
    }

    /**
     * @param <S> the spec class
     * @param specClass a spec class
     * @return its registered serializer
     */
    @SuppressWarnings("unchecked")
    public static <S extends PortObjectSpec> PortObjectSpecSerializer<S> specSerializer(final Class<S> specClass) {
        return (PortObjectSpecSerializer<S>)PortTypeRegistry.getInstance().getSpecSerializer(specClass)
            .orElseThrow(() -> new IllegalArgumentException("No serializer found for " + specClass.getName()
                + ": declare 'public static final class Serializer extends ...Serializer<" + specClass.getSimpleName()
                + ">'"));
    }

    /**
     * @param <P> the port object class
     * @param objectClass a port object class
     * @return its registered serializer
     */
    @SuppressWarnings("unchecked")
    public static <P extends PortObject> PortObjectSerializer<P> objectSerializer(final Class<P> objectClass) {
        return (PortObjectSerializer<P>)PortTypeRegistry.getInstance().getObjectSerializer(objectClass)
            .orElseThrow(() -> new IllegalArgumentException("No serializer found for " + objectClass.getName()
                + ": declare 'public static final class Serializer extends ...Serializer<"
                + objectClass.getSimpleName() + ">'"));
    }

    /**
     * Saves and reloads a spec with its registered serializer.
     *
     * @param <S> the spec class
     * @param spec a spec
     * @return the reloaded spec
     * @throws IOException if saving or loading fails
     */
    @SuppressWarnings("unchecked")
    public static <S extends PortObjectSpec> S roundTrip(final S spec) throws IOException {
        PortObjectSpecSerializer<S> ser = specSerializer((Class<S>)spec.getClass());
        return loadSpec(saveSpec(spec, ser), ser);
    }

    /**
     * Saves and reloads a port object and its spec with their registered serializers (the reloaded object gets the
     * reloaded spec).
     *
     * @param <P> the port object class
     * @param object a port object
     * @return the reloaded object
     * @throws IOException if saving or loading fails
     * @throws CanceledExecutionException never
     */
    @SuppressWarnings("unchecked")
    public static <P extends PortObject> P roundTrip(final P object) throws IOException, CanceledExecutionException {
        PortObjectSpec spec = roundTrip(object.getSpec());
        PortObjectSerializer<P> ser = objectSerializer((Class<P>)object.getClass());
        return loadPortObject(savePortObject(object, ser), ser, spec);
    }

    /**
     * @param zip zip bytes
     * @return the entry names, in order
     * @throws IOException if the bytes are no zip
     */
    public static List<String> entryNames(final byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
