package io.mongolatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsUnitsAndIso() {
        assertThat(DurationText.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse(" 5m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesWhatIsNoDurationAsAUserError() {
        assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(MongoLatestException.class)
                .hasMessage("'soon' is not a duration (e.g. 90s, 5m, 1h)")
                .satisfies(e -> assertThat(((MongoLatestException) e).kind()).isEqualTo(ErrorKind.USER));
        assertThatThrownBy(() -> DurationText.parse("99999999999999999999s")).hasMessageContaining("too long");
        assertThatThrownBy(() -> DurationText.parse("-5s")).isInstanceOf(MongoLatestException.class);
    }

    @Test
    void writesADurationAsItIsTyped() {
        for (String text : new String[] {"0s", "1s", "90s", "5m", "1h", "7d", "500ms", "36h"}) {
            assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text);
        }
    }
}
