package org.gtlens.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.junit.jupiter.api.Test;

/** Text to tokens and back, for the three kinds of vocabulary a model may have. */
class TextTokensTest {

    private static ModelInfo model(List<String> vocab, boolean bytes) {
        return new ModelInfo("m.onnx", 8, 2, 1, 64, vocab.size(), vocab, Scaling.HEAD, "", false, 1, 2, bytes);
    }

    @Test
    void characterVocabularyReadsOneTokenPerCharacter() throws Exception {
        TextTokens text = TextTokens.of(model(List.of("a", "b", " ", "é", "\n"), false));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 0}, text.encode("ab é\na"));
        assertEquals("ab é\na", text.decode(new int[] {0, 1, 2, 3, 4, 0}));
        TextTokens.Problem p = assertThrows(TextTokens.Problem.class, () -> text.encode("abc"));
        assertEquals(2, p.position());
        assertEquals("has 'c' (U+0063) at character 2, which the model's vocabulary cannot express", p.getMessage());
        assertEquals("has the character U+0009 at character 1, which the model's vocabulary cannot express",
                assertThrows(TextTokens.Problem.class, () -> text.encode("a\tb")).getMessage());
        // positions count characters, not UTF-16 units: the emoji before takes two
        assertEquals(1, assertThrows(TextTokens.Problem.class, () -> text.encode("a😀")).position());
    }

    @Test
    void byteVocabularyReadsUtf8Bytes() throws Exception {
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            labels.add(b < 0x21 || b > 0x7e ? String.format("\\x%02x", b) : Character.toString((char) b));
        }
        TextTokens text = TextTokens.of(model(labels, true));
        assertArrayEquals(new int[] {'d', 'e', 'f', 0x0a, 0xc3, 0xa9, 0x00}, text.encode("def\né\0"));
        assertEquals("def\né\0", text.decode(new int[] {'d', 'e', 'f', 0x0a, 0xc3, 0xa9, 0x00}));
        assertThrows(IllegalArgumentException.class, () -> model(labels.subList(0, 10), true));
    }

    @Test
    void longerLabelsMatchLongestFirst() throws Exception {
        TextTokens text = TextTokens.of(model(List.of("a", "ab", "b", "abc", "c", "", "ab"), false));
        assertArrayEquals(new int[] {3, 1, 0}, text.encode("abcaba"));
        assertArrayEquals(new int[] {1, 2}, text.encode("abb"));
        // an empty label never matches; a label given twice is read as its first id
        assertArrayEquals(new int[] {1}, text.encode("ab"));
        assertEquals(3, assertThrows(TextTokens.Problem.class, () -> text.encode("abcd")).position());
    }
}
