package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values engines quote in their errors are masked; the names around them stay. */
class QuotedValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "Conversion Error: Could not convert string 'AB000000A' to INT32 when casting from source column nino"
            + "|Conversion Error: Could not convert string '…' to INT32 when casting from source column nino",
        "Conversion Error: Could not convert string 'O'Brien' to INT32"
            + "|Conversion Error: Could not convert string '…' to INT32",
        "Conversion Error: Type VARCHAR with value 'AB000000A' can't be cast to the destination type STRUCT(a INTEGER)"
            + "|Conversion Error: Type VARCHAR with value '…' can't be cast to the destination type STRUCT(a INTEGER)",
        "Conversion Error: invalid date field format: \"AB000000A\", expected format is (YYYY-MM-DD)"
            + "|Conversion Error: invalid date field format: \"…\", expected format is (YYYY-MM-DD)",
        "Conversion Error: Could not convert string \"12.5x\" to DECIMAL(18,2)"
            + "|Conversion Error: Could not convert string \"…\" to DECIMAL(18,2)",
        "Invalid Input Error: Malformed JSON at byte 9 of input: unexpected character.  Input: \"{\"nino\":\"AB000000A\"\""
            + "|Invalid Input Error: Malformed JSON at byte 9 of input: unexpected character.  Input: \"…\"",
        "Conversion Error: Type INT64 with value 44123456789 can't be cast because the value is out of range"
            + "|Conversion Error: Type INT64 with value … can't be cast because the value is out of range",
        "[CAST_INVALID_INPUT] The value 'AB000000A' of the type \"STRING\" cannot be cast to \"INT\" because it is"
            + " malformed.|[CAST_INVALID_INPUT] The value '…' of the type \"STRING\" cannot be cast to \"INT\" because"
            + " it is malformed.",
        "[CAST_OVERFLOW] The value 44123456789L of the type \"BIGINT\" cannot be cast to \"INT\" due to an overflow."
            + "|[CAST_OVERFLOW] The value … of the type \"BIGINT\" cannot be cast to \"INT\" due to an overflow.",
        "Catalog Error: Table with name \"nosuch\" does not exist!|Catalog Error: Table with name \"nosuch\" does not exist!",
        "Permission Error: Cannot access file \"/etc/hostname\"|Permission Error: Cannot access file \"/etc/hostname\"",
        "Binder Error: Referenced column \"x\" not found|Binder Error: Referenced column \"x\" not found",
        "steps/mongo-latest-views/99_x.sql:2: Conversion Error: Could not convert string 'AB000000A' to INT32"
            + "|steps/mongo-latest-views/99_x.sql:2: Conversion Error: Could not convert string '…' to INT32"
    })
    void masksTheValuesAndKeepsTheNames(String message, String masked) {
        assertThat(QuotedValues.masked(message)).isEqualTo(masked);
    }

    @Test
    void eachLineOnItsOwnAndAnUnclosedQuoteToItsEnd() {
        assertThat(QuotedValues.masked("Conversion Error: Could not convert string 'AB000000A' to INT32\n"
                + "LINE 1: SELECT CAST('x' AS INT)")).isEqualTo("Conversion Error: Could not convert string '…' to"
                + " INT32\nLINE 1: SELECT CAST('…' AS INT)");
        assertThat(QuotedValues.masked("Could not convert string 'AB000000A to INT32"))
                .isEqualTo("Could not convert string '…");
        assertThat(QuotedValues.masked(null)).isNull();
    }
}
