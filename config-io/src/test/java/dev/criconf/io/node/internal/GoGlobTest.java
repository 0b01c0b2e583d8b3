package dev.criconf.io.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from Go's path/filepath match_test.go (the ones without a separator). */
class GoGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "abc|abc|true",
            "*|abc|true",
            "*c|abc|true",
            "a*|a|true",
            "a*|abc|true",
                        "a*b*c*d*e*|axbxcxdxe|true",
            "a*b?c*x|abxbbxdbxebxczzx|true",
            "a*b?c*x|abxbbxdbxebxczzy|false",
            "ab[c]|abc|true",
            "ab[b-d]|abc|true",
            "ab[e-g]|abc|false",
            "ab[^c]|abc|false",
            "ab[^b-d]|abc|false",
            "ab[^e-g]|abc|true",
            "a\\*b|a*b|true",
            "a\\*b|ab|false",
            "a?b|a☺b|true",
            "a[^a]b|a☺b|true",
            "a???b|a☺b|false",
            "[a-ζ]*|α|true",
            "*[a-ζ]|A|false",
            "[\\-]|-|true",
            "[x\\-]|x|true",
            "[x\\-]|-|true",
            "[x\\-]|z|false",
            "[]a]|]|false",
            "[-]|-|false",
            "[x-]|x|false",
            "[a-b-c]|a|false",
            "[|a|false",
            "[^|a|false",
            "*x|xxx|true",
            "*.toml|.hidden.toml|true",
    })
    void matchesLikeGo(String pattern, String name, boolean expected) {
        assertEquals(expected, GoGlob.matches(pattern, name));
    }
}
