package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gtlens.files.FileProblems;
import org.gtlens.GtLensException;
import org.gtlens.files.AtomicOutput;
import org.gtlens.files.OutputLock;

/**
 * Makes sure an output folder exists and can be written before any work starts, so a run never fails at the end, locks
 * it for the run (a second run into the same folder is refused, {@link OutputLock}), and removes the temporary files
 * killed runs left there.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    static OutputLock prepare(Path dir) throws GtLensException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new GtLensException("Output folder " + dir + " is a file, not a folder.");
        }
        throughMissing(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GtLensException("Output folder " + dir + " cannot be created: " + FileProblems.reason(e) + ".");
        }
        if (!Files.isDirectory(dir)) {
            throw new GtLensException("Output folder " + dir + (Files.exists(dir) ? " is a file, not a folder."
                    : " cannot be created."));
        }
        try {
            Path probe = Files.createTempFile(dir, ".gtlens", ".probe");
            Files.delete(probe);
        } catch (java.nio.file.NoSuchFileException e) {
            // the folder is there but takes no new file: a system folder such as /proc
            throw new GtLensException("Output folder " + dir + " exists but takes no new files (a system folder?); "
                    + "choose another folder.");
        } catch (IOException e) {
            throw new GtLensException("Output folder " + dir + " is not writable: " + FileProblems.reason(e) + ".");
        }
        OutputLock lock = OutputLock.acquire(dir); // one run at a time in a folder
        AtomicOutput.sweep(dir); // what runs that were killed left behind
        return lock;
    }

    /**
     * Refuses a path that goes into a folder that does not exist and back out with {@code ..} ({@code missing/../out}):
     * the system resolves such a path only once the missing folder exists, so it cannot be created as written.
     */
    private static void throughMissing(Path dir) throws GtLensException {
        Path prefix = dir.getRoot();
        for (Path part : dir) {
            if (part.toString().equals("..") && prefix != null && !Files.isDirectory(prefix)) {
                throw new GtLensException("Output folder " + dir + " goes through " + prefix + ", which "
                        + (Files.exists(prefix) ? "is a file" : "does not exist") + ", and back with '..'; give the "
                        + "folder without '..' (e.g. " + dir.normalize() + ").");
            }
            prefix = prefix == null ? part : prefix.resolve(part);
        }
    }
}
