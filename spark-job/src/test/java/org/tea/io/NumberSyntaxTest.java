package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one number syntax of config values and input files. */
class NumberSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+1", "1.5", "5.", ".5", "-.5e-3", "1E6", "1e+5", "1e-400"})
    void plainDecimalsAreFinite(String s) {
        assertEquals(Double.parseDouble(s), NumberSyntax.finiteDecimal(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "NaN", "Infinity", "0x10", "1d", "1_000", "1e", ".", "e5", "--1", "\u0661"})
    void otherSpellingsAreNotNumbers(String s) {
        assertTrue(Double.isNaN(NumberSyntax.decimalValue(s)));
        assertNull(NumberSyntax.finiteDecimal(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400"})
    void overflowIsANumberButNotFinite(String s) {
        assertTrue(Double.isInfinite(NumberSyntax.decimalValue(s)));
        assertNull(NumberSyntax.finiteDecimal(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e6", "", "+", "12x", "\u0661", "9223372036854775808"})
    void integersAreSignAndDigitsWithinALong(String s) {
        assertNull(NumberSyntax.integer(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-9223372036854775808", "0000000000000000000000001", "+7"})
    void anyNumberOfDigitsFitsAsLongAsTheValueFits(String s) {
        assertEquals(Long.parseLong(s), NumberSyntax.integer(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999", "-999999999", "+000000001"})
    void nineDigitsAlwaysFitAnInt(String s) {
        assertEquals(Long.parseLong(s), NumberSyntax.integer(s, NumberSyntax.INT_DIGITS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000", "0000000001", "-0000000001"})
    void leadingZerosCountAsDigits(String s) {
        assertNull(NumberSyntax.integer(s, NumberSyntax.INT_DIGITS));
    }
}
