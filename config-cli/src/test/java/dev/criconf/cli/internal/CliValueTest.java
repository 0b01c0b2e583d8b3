package dev.criconf.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliValueTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "true|BOOLEAN|true|false",
        "false|BOOLEAN|false|false",
        "True|STRING|True|false",
        "5|INTEGER|5|false",
        "-12|INTEGER|-12|false",
        "+7|INTEGER|+7|false",
        "0|INTEGER|0|false",
        "0755|STRING|0755|false",
        "1.5|FLOAT|1.5|false",
        "2e-3|FLOAT|2e-3|false",
        "-0.5E+2|FLOAT|-0.5E+2|false",
        "1.|STRING|1.|false",
        ".5|STRING|.5|false",
        "1_000|STRING|1_000|false",
        "systemd|STRING|systemd|false",
        "\"5\"|STRING|5|true",
        "\"true\"|STRING|true|true",
        "'5'|STRING|5|true",
        "'a\\nb'|STRING|a\\nb|true",
        "\"\"|STRING||true",
        "\"|STRING|\"|false",
        "null|STRING|null|false",
    })
    void spellingDecidesTheType(String arg, CliValue.Kind kind, String text, boolean quoted) {
        CliValue v = CliValue.parse(arg);
        assertEquals(kind, v.kind());
        assertEquals(text == null ? "" : text, v.text());
        assertEquals(quoted, v.quoted());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"a\\\"b\"|a\"b",
        "\"a\\\\b\"|a\\b",
        "\"tab\\there\"|tab\there",
        "\"\\u00e9\"|é",
    })
    void doubleQuotesAreJsonStrings(String arg, String expected) {
        assertEquals(expected, CliValue.parse(arg).text());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', value = {"\"a\\q\"", "\"a\\\"", "\"\\u12\"", "\"\\uzzzz\""})
    void badEscapesAreUsageErrors(String arg) {
        CliException e = assertThrows(CliException.class, () -> CliValue.parse(arg));
        assertEquals(CliException.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("bad VALUE"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"+5,5", "-5,-5", "123456789012345678901234567890,123456789012345678901234567890"})
    void integersOfAnySize(String arg, String value) {
        assertEquals(new BigInteger(value), CliValue.parse(arg).integerValue());
    }
}
