package io.mongolatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {
    @Test
    void convertsBetweenUnits() {
        assertThat(DataSize.ofGibibytes(56).mebibytes()).isEqualTo(57344);
        assertThat(DataSize.ofMebibytes(7168).bytes()).isEqualTo(7_516_192_768L);
    }

    @Test
    void readsEveryUnitAsBinary() {
        assertThat(DataSize.parse("512MB")).isEqualTo(DataSize.ofMebibytes(512));
        assertThat(DataSize.parse("512MiB")).isEqualTo(DataSize.ofMebibytes(512));
        assertThat(DataSize.parse("4GB")).isEqualTo(DataSize.ofGibibytes(4));
        assertThat(DataSize.parse("2GiB")).isEqualTo(DataSize.ofGibibytes(2));
        assertThat(DataSize.parse(" 2 gib ")).isEqualTo(DataSize.ofGibibytes(2));
        assertThat(DataSize.parse("1.5G")).isEqualTo(DataSize.ofMebibytes(1536));
        assertThat(DataSize.parse("64k").bytes()).isEqualTo(65_536);
        assertThat(DataSize.parse("1T")).isEqualTo(DataSize.ofGibibytes(1024));
        assertThat(DataSize.parse("1000").bytes()).isEqualTo(1000);
    }

    @Test
    void refusesMalformedSizesAsUserErrors() {
        for (String bad : new String[] {"lots", "", "-1GB", "4 PB", "GB", "1e3"}) {
            assertThatThrownBy(() -> DataSize.parse(bad)).as(bad).isInstanceOf(MongoLatestException.class)
                    .hasMessageStartingWith("invalid size '" + bad + "'")
                    .satisfies(e -> assertThat(((MongoLatestException) e).kind()).isEqualTo(ErrorKind.USER));
        }
        assertThatThrownBy(() -> DataSize.parse(null)).isInstanceOf(MongoLatestException.class);
        assertThatThrownBy(() -> DataSize.parse("9000000T")).hasMessage("invalid size '9000000T': too large");
    }

    @Test
    void printsWhatItReadsBack() {
        for (String text : new String[] {"2 GiB", "512 MiB", "1024 B", "0 B"}) {
            assertThat(DataSize.parse(text)).hasToString(text);
        }
        assertThat(DataSize.parse("4GB")).hasToString("4 GiB");
        assertThat(DataSize.parse("512MB")).hasToString("512 MiB");
    }

    @Test
    void fractionRoundsDownToWholeMebibytes() {
        assertThat(DataSize.ofMebibytes(7168).fraction(4, 5)).isEqualTo(DataSize.ofMebibytes(5734));
        assertThat(DataSize.ofMebibytes(5376).fraction(4, 5)).isEqualTo(DataSize.ofMebibytes(4300));
    }

    @Test
    void dividesInBytes() {
        assertThat(DataSize.ofMebibytes(7168).dividedBy(3).bytes()).isEqualTo(2_505_397_589L);
    }

    @Test
    void roundsDownToAUnit() {
        DataSize unit = DataSize.ofMebibytes(3584);
        assertThat(DataSize.ofMebibytes(19114).roundDownTo(unit)).isEqualTo(DataSize.ofMebibytes(17920));
        assertThat(DataSize.ofMebibytes(19114).count(unit)).isEqualTo(5);
    }

    @Test
    void printsTheLargestWholeUnit() {
        assertThat(DataSize.ofGibibytes(64)).hasToString("64 GiB");
        assertThat(DataSize.ofMebibytes(3584)).hasToString("3584 MiB");
        assertThat(new DataSize(10)).hasToString("10 B");
        assertThat(new DataSize(16_750_000_000L)).hasToString("15.6 GiB");
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> new DataSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.ofGibibytes(1).minus(DataSize.ofGibibytes(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
