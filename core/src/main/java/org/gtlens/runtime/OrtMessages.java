package org.gtlens.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ONNX Runtime's error text as the end of one sentence: its error codes, source file positions and C++ signatures
 * left out, the common cases (IR version or opset too new, external data cut short, an input of the wrong size) said
 * in words with what would fix them.
 */
final class OrtMessages {

    private static final Pattern IR = Pattern.compile("Unsupported model IR version: (\\d+), max supported IR "
            + "version: (\\d+)");
    private static final Pattern OPSET = Pattern.compile("Opset (\\d+) is under development.*?domain (\\S+) is till "
            + "opset (\\d+)", Pattern.DOTALL);
    private static final Pattern EXTERNAL = Pattern.compile("External initializer: (\\S+) offset: (\\d+) size to "
            + "read: (\\d+) given file_length: (\\d+)");
    private static final Pattern DIMENSIONS = Pattern.compile("Got invalid dimensions for input: (\\S+) for the "
            + "following indices\\s*index: (\\d+) Got: (\\d+) Expected: (\\d+)");
    private static final Pattern CODE = Pattern.compile("(Error code - ORT_[A-Z_]+ - message: |\\[ErrorCode:[A-Za-z_]+\\] "
            + "|\\[ONNXRuntimeError\\] : \\d+ : [A-Z_]+ : )");
    /** A source position such as {@code /onnxruntime_src/onnxruntime/core/graph/model.cc:181}. */
    private static final Pattern SOURCE = Pattern.compile("\\S*\\.(cc|h|cpp|hpp):\\d+");
    /** A C++ signature such as {@code void onnxruntime::Foo::Bar(const std::string&, int) const}. */
    private static final Pattern SIGNATURE = Pattern.compile("(?:[\\w:<>,*&]+\\s+)?(?:[\\w]+::)+[\\w~]+\\((?:[^()]|\\([^()]*\\))*\\)"
            + "(?:\\s*const)?");

    private OrtMessages() {
    }

    /** The reason, without a final period. */
    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "an unknown error";
        }
        Matcher m = IR.matcher(message);
        if (m.find()) {
            return "it is stored as ONNX IR version " + m.group(1) + ", newer than this ONNX Runtime reads (up to "
                    + m.group(2) + "); export it with an older onnx package";
        }
        m = OPSET.matcher(message);
        if (m.find()) {
            return "it uses opset " + m.group(1) + " of " + m.group(2) + ", newer than this ONNX Runtime supports (up "
                    + "to " + m.group(3) + "); export it at a lower opset (e.g. 17)";
        }
        m = EXTERNAL.matcher(message);
        if (m.find()) {
            long offset = Long.parseLong(m.group(2));
            return "its weight " + m.group(1) + " needs bytes " + offset + " to " + (offset + Long.parseLong(m.group(3)))
                    + " of its external data, which has " + m.group(4) + " bytes; the data file is cut short or belongs "
                    + "to another model";
        }
        m = DIMENSIONS.matcher(message);
        if (m.find()) {
            return "its input " + m.group(1) + " takes " + m.group(4) + " at axis " + m.group(2) + ", not "
                    + m.group(3);
        }
        String text = CODE.matcher(message).replaceAll("");
        text = SIGNATURE.matcher(text).replaceAll(" ");
        text = SOURCE.matcher(text).replaceAll(" ");
        int nl = text.indexOf('\n');
        text = (nl < 0 ? text : text.substring(0, nl)).replaceAll("\\s+", " ").strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > 300) {
            text = text.substring(0, 297) + "...";
        }
        return text.isEmpty() ? "an unknown error" : text;
    }
}
