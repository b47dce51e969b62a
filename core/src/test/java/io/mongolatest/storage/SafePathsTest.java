package io.mongolatest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;

class SafePathsTest {
    @Test
    void anIdThatFitsIsItsOwnNameAndALongerOneAPrefixAndItsDigest() {
        String fits = "a".repeat(255);
        assertThat(SafePaths.idName("x", "id")).isEqualTo("x");
        assertThat(SafePaths.idName(fits, "id")).isEqualTo(fits);
        String a = fits + "a";
        String b = fits + "b";
        assertThat(SafePaths.idName(a, "id")).hasSize(255).startsWith("a".repeat(238) + "~")
                .isNotEqualTo(SafePaths.idName(b, "id"));
        assertThat(SafePaths.idName(a, "id")).isEqualTo(SafePaths.idName(a, "id"));
    }

    @Test
    void aLongNameIsCutBetweenCharactersAndFitsInBytes() {
        String name = SafePaths.idName("é".repeat(200), "name");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(name).matches("é+~[0-9a-f]{16}");
    }

    @Test
    void aPathIsStillRefused() {
        assertThatThrownBy(() -> SafePaths.idName("../x".repeat(100), "correlation id"))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("invalid correlation id");
    }
}
