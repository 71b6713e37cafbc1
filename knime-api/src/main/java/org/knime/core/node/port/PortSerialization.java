package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.knime.core.node.ModelContent;

/**
 * Stand-in helper (package-private): the zip layout the stand-in's serializers use. Its own format, not KNIME's:
 * a meta entry naming the class, model contents as Java-serialized {@link ModelContent}.
 */
final class PortSerialization {

    static final String META_ENTRY = "meta.xml";

    private PortSerialization() {
    }

    /** Writes the meta entry with the class name and closes the entry. */
    static void writeMeta(final ZipOutputStream out, final Class<?> c) throws IOException {
        out.putNextEntry(new ZipEntry(META_ENTRY));
        out.write(("<meta class_name=\"" + c.getName() + "\"/>\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** Reads the meta entry (must be the next entry) and returns the class name. */
    static String readMeta(final ZipInputStream in) throws IOException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals(META_ENTRY)) {
            throw new IOException("Zip entry " + META_ENTRY + " missing; next entry: " + (e == null ? "end" : e.getName()));
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int start = text.indexOf("class_name=\"");
        int end = start < 0 ? -1 : text.indexOf('"', start + 12);
        if (end < 0) {
            throw new IOException("Invalid " + META_ENTRY + ": " + text);
        }
        return text.substring(start + 12, end);
    }

    /** Writes a model content as one zip entry. */
    static void writeContent(final ZipOutputStream out, final String entry, final ModelContent content)
        throws IOException {
        out.putNextEntry(new ZipEntry(entry));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(content);
        }
        out.write(bytes.toByteArray());
        out.closeEntry();
    }

    /** Reads a model content from the next zip entry, which must have the given name. */
    static ModelContent readContent(final ZipInputStream in, final String entry) throws IOException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals(entry)) {
            throw new IOException("Zip entry " + entry + " missing; next entry: " + (e == null ? "end" : e.getName()));
        }
        try (ObjectInputStream o = new ContextObjectInputStream(new NonClosing(in))) {
            return (ModelContent)o.readObject();
        } catch (ClassNotFoundException | ClassCastException ex) {
            throw new IOException("Cannot read " + entry + ": " + ex.getMessage(), ex);
        }
    }

    /** Loads a class by name with the context class loader. */
    static Class<?> load(final String name) throws ClassNotFoundException {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return Class.forName(name, true, l != null ? l : PortSerialization.class.getClassLoader());
    }

    /**
     * Instantiates a class through its public no-arg constructor, as KNIME requires for port objects and specs.
     */
    static <T> T instantiate(final Class<T> c) throws IOException {
        if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
            throw new IOException("Class " + c.getName() + " must be public and not abstract to be restored");
        }
        try {
            Constructor<T> k = c.getConstructor();
            return k.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IOException("Class " + c.getName() + " needs a public no-arg constructor to be restored", e);
        } catch (InvocationTargetException e) {
            throw new IOException("No-arg constructor of " + c.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot instantiate " + c.getName() + ": " + e.getMessage(), e);
        }
    }

    /** An object input stream resolving classes with the context class loader. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(final InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(final ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return load(desc.getName());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** Keeps the zip stream open when the object stream is closed. */
    static final class NonClosing extends FilterInputStream {
        NonClosing(final InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open
        }
    }

    /** Keeps the zip stream open when a wrapping stream is closed. */
    static final class NonClosingOut extends FilterOutputStream {
        NonClosingOut(final OutputStream out) {
            super(out);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
