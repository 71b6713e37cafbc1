package org.gtlens.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one token-text reader: every documented spelling, and every way text is refused rather than changed. */
class TokenTextTest {

    @Test
    void readsTheDocumentedSpellings() throws Exception {
        int[] expected = {4, 5, 5, 5, 4};
        for (String text : new String[] {"4,5,5,5,4", "4 5 5 5 4", "[4 5 5 5 4]", " [ 4, 5 ,5 , 5,4 ] ", "4;5;5;5;4",
            "4\t5\n5 5  4"}) {
            assertArrayEquals(expected, TokenText.parse(text), text);
        }
        assertArrayEquals(new int[] {-1, 12}, TokenText.parse("-1 12"));
        assertArrayEquals(new int[] {7}, TokenText.parse("7"));
    }

    private static TokenText.Problem refused(String text) {
        return assertThrows(TokenText.Problem.class, () -> TokenText.parse(text), text);
    }

    @Test
    void emptyPlacesAreRefusedNotSkipped() {
        TokenText.Problem p = refused("4,,5");
        assertEquals(1, p.position());
        assertTrue(p.getMessage().contains("position 1 is empty"), p.getMessage());
        assertEquals(0, refused(",4").position());
        assertEquals(2, refused("4,5,").position());
        assertEquals(1, refused("4 , ; 5").position());
        assertEquals(-1, refused("  ").position());
        assertEquals(-1, refused("[]").position());
        assertTrue(TokenText.isEmpty(" [ ] "));
    }

    @Test
    void onlyAsciiDigitsMakeATokenAndTheProblemNamesPositionAndValue() {
        // Arabic-Indic and full-width digits are digits to Integer.parseInt, not here
        for (String bad : new String[] {"4 \u0665 5", "4 \uff15 5", "4 x 5", "4 5.0 5", "4 +5 5", "4 0x5 5", "4 - 5"}) {
            TokenText.Problem p = refused(bad);
            assertEquals(1, p.position(), bad);
            assertTrue(p.getMessage().contains("at position 1 is not an integer token"), p.getMessage());
        }
        TokenText.Problem p = refused("1 99999999999");
        assertEquals("99999999999", p.value());
        assertTrue(p.getMessage().contains("too large"), p.getMessage());
    }

    @Test
    void singleTokensOfIntegerCellsAreReadTheSameWay() throws Exception {
        assertEquals(12, TokenText.token(" 12 ", 3));
        TokenText.Problem p = assertThrows(TokenText.Problem.class, () -> TokenText.token("\u0661\u0662", 3));
        assertEquals(3, p.position());
    }
}
