package org.gtlens.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 16, class 5: the system's reasons of failed file operations, in words (a full disk says "no space left"). */
class FileProblemsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new IOException("No space left on device"), "no space left on the device"),
                Arguments.of(new FileSystemException("/o/x.csv", null, "No space left on device"),
                        "no space left on the device"),
                Arguments.of(new IOException("Disk quota exceeded"), "no space left: the disk quota is exceeded"),
                Arguments.of(new FileSystemException("/o/x.csv", null, "Read-only file system"),
                        "the file system is read-only"),
                Arguments.of(new FileSystemException("/o/a", "/o/b", "Is a directory"),
                        "a folder of that name is in the way"),
                Arguments.of(new AccessDeniedException("/o/x.csv"), "permission denied"),
                Arguments.of(new NoSuchFileException("/o/x.csv"), "it does not exist"),
                Arguments.of(new IOException("Input/output error."), "Input/output error"),
                Arguments.of(new OutOfMemoryError("Java heap space"), "not enough memory to hold it"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reasonInWords(Throwable e, String reason) {
        assertEquals(reason, FileProblems.reason(e));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void writeFailureNamesTheFile(Throwable e, String reason) {
        if (e instanceof IOException io) {
            assertEquals("Output file /o/x.csv cannot be written: " + reason + ".",
                    new FileProblems.WriteFailure("Output file /o/x.csv cannot be written", io).getMessage());
        }
    }
}
