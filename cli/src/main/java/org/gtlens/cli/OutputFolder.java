package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gtlens.files.FileProblems;
import org.gtlens.GtLensException;
import org.gtlens.files.AtomicOutput;

/**
 * Makes sure an output folder exists and can be written before any work starts, so a run never fails at the end, and
 * removes the temporary files killed runs left there.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    static Path prepare(Path dir) throws GtLensException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new GtLensException("Output folder " + dir + " is a file, not a folder.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GtLensException("Output folder " + dir + " cannot be created: " + FileProblems.reason(e) + ".");
        }
        if (!Files.isDirectory(dir)) {
            throw new GtLensException("Output folder " + dir + " is a file, not a folder.");
        }
        try {
            Path probe = Files.createTempFile(dir, ".gtlens", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new GtLensException("Output folder " + dir + " is not writable: " + FileProblems.reason(e) + ".");
        }
        AtomicOutput.sweep(dir); // what runs that were killed left behind
        return dir;
    }
}
