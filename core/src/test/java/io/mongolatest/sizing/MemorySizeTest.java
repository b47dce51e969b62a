package io.mongolatest.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemorySizeTest {
    @Test
    void convertsBetweenUnits() {
        assertThat(MemorySize.ofGibibytes(56).mebibytes()).isEqualTo(57344);
        assertThat(MemorySize.ofMebibytes(7168).bytes()).isEqualTo(7_516_192_768L);
    }

    @Test
    void fractionRoundsDownToWholeMebibytes() {
        assertThat(MemorySize.ofMebibytes(7168).fraction(4, 5)).isEqualTo(MemorySize.ofMebibytes(5734));
        assertThat(MemorySize.ofMebibytes(5376).fraction(4, 5)).isEqualTo(MemorySize.ofMebibytes(4300));
    }

    @Test
    void dividesInBytes() {
        assertThat(MemorySize.ofMebibytes(7168).dividedBy(3).bytes()).isEqualTo(2_505_397_589L);
    }

    @Test
    void roundsDownToAUnit() {
        MemorySize unit = MemorySize.ofMebibytes(3584);
        assertThat(MemorySize.ofMebibytes(19114).roundDownTo(unit)).isEqualTo(MemorySize.ofMebibytes(17920));
        assertThat(MemorySize.ofMebibytes(19114).count(unit)).isEqualTo(5);
    }

    @Test
    void printsTheLargestWholeUnit() {
        assertThat(MemorySize.ofGibibytes(64)).hasToString("64 GiB");
        assertThat(MemorySize.ofMebibytes(3584)).hasToString("3584 MiB");
        assertThat(new MemorySize(10)).hasToString("10 B");
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> new MemorySize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.ofGibibytes(1).minus(MemorySize.ofGibibytes(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
