package org.gtlens.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.gtlens.model.ModelException;

/**
 * Checks the external data files a model's weights point to before ONNX Runtime follows them: a model file must not
 * read files outside its own folder (links resolved), and a file cut short is named here rather than failing deep
 * inside ONNX Runtime.
 */
final class ExternalData {

    private ExternalData() {
    }

    /** An external data file: inside the model's real folder (links resolved), and long enough for its weight. */
    static void check(OnnxFileScanner.External ext, Path folder, String name) throws ModelException {
        String location = ext.location();
        Path target;
        try {
            target = folder.resolve(location).normalize();
        } catch (InvalidPathException e) {
            throw new ModelException("Model " + name + " refers to external data '" + location + "', which is not a "
                    + "file name.");
        }
        if (!target.startsWith(folder)) {
            throw new ModelException("Model " + name + " refers to external data '" + location
                    + "' outside its own folder " + folder + "; move the data next to the model.");
        }
        if (!Files.isRegularFile(target)) {
            throw new ModelException("Model " + name + " refers to external data '" + location
                    + "' which does not exist in " + folder + ".");
        }
        long length;
        try {
            Path realTarget = target.toRealPath();
            if (!realTarget.startsWith(folder)) {
                throw new ModelException("Model " + name + " refers to external data '" + location + "', a link to "
                        + realTarget + " outside the model's folder " + folder + "; move the data next to the model.");
            }
            length = Files.size(realTarget);
        } catch (IOException e) {
            throw new ModelException("Model " + name + " refers to external data '" + location + "', which cannot be "
                    + "read: " + ModelFile.reason(e) + ".");
        }
        if (ext.offset() < 0 || ext.offset() > length || ext.length() > length - ext.offset()) {
            throw new ModelException("Model " + name + " needs bytes " + ext.offset() + " to "
                    + (ext.offset() + Math.max(0, ext.length())) + " of its external data file '" + location
                    + "' for weight '" + ext.tensor() + "', but the file has " + length + " bytes; it is cut short or "
                    + "belongs to another model.");
        }
    }
}
