package io.mongolatest.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.mongolatest.DataSize;
import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class InstanceCatalogTest {
    private final InstanceCatalog catalog = InstanceCatalog.bundled();

    @Test
    void coversTheFamiliesUsedWithEmr() {
        Set<String> families = catalog.all().stream().map(InstanceType::family).collect(Collectors.toSet());
        assertThat(families).containsExactlyInAnyOrder(
                "m5", "m5a", "m6i", "m6g", "m7g", "r5", "r6i", "r6g", "r7g", "c5", "c6i");
        assertThat(catalog.all()).allSatisfy(t -> assertThat(t.name()).doesNotEndWith(".large"));
    }

    @Test
    void knowsTheSizesOfTheOriginalSystemsInstances() {
        InstanceType m5 = catalog.require("m5.4xlarge", "instance type");
        assertThat(m5.vcpus()).isEqualTo(16);
        assertThat(m5.memory()).isEqualTo(DataSize.ofGibibytes(64));
        assertThat(catalog.require("c5.9xlarge", "instance type").memory()).isEqualTo(DataSize.ofGibibytes(72));
        assertThat(catalog.require("r6g.16xlarge", "instance type").vcpus()).isEqualTo(64);
    }

    @Test
    void memoryPerVcpuMatchesTheFamily() {
        assertThat(catalog.all()).allSatisfy(t -> {
            long gibPerVcpu = t.memory().mebibytes() / 1024 / t.vcpus();
            long expected = switch (t.family().charAt(0)) {
                case 'c' -> 2;
                case 'm' -> 4;
                case 'r' -> 8;
                default -> throw new AssertionError(t.family());
            };
            assertThat(gibPerVcpu).as(t.name()).isEqualTo(expected);
        });
    }

    @Test
    void findsNamesWhateverTheirCaseAndSpacing() {
        assertThat(catalog.find(" M5.4XLarge ")).map(InstanceType::name).contains("m5.4xlarge");
        assertThat(catalog.find("m5.4xlarg")).isEmpty();
    }

    @Test
    void unknownTypeIsAUserErrorNamingTheClosestTypes() {
        assertThatThrownBy(() -> catalog.require("m5.4xlarg", "instance type"))
                .isInstanceOfSatisfying(MongoLatestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessageStartingWith("unknown instance type 'm5.4xlarg'; closest known: m5.4xlarge, ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void closestPrefersTheSameFamilyOnTies() {
        assertThat(catalog.closest("r5.4xlarge2", 3)).extracting(InstanceType::name)
                .startsWith("r5.4xlarge");
        // Graviton types stop at 16xlarge: three types are one edit away, the m6g ones come first.
        assertThat(catalog.closest("m6g.24xlarge", 3)).extracting(InstanceType::name)
                .containsExactly("m6g.2xlarge", "m6g.4xlarge", "m6i.24xlarge");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(InstanceCatalog.editDistance("m5.4xlarge", "m5.4xlarge")).isZero();
        assertThat(InstanceCatalog.editDistance("m5.4xlarg", "m5.4xlarge")).isEqualTo(1);
        assertThat(InstanceCatalog.editDistance("m5.4xlarge", "m6.4xlarge")).isEqualTo(1);
        assertThat(InstanceCatalog.editDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void rejectsAFileWithoutItsHeader() {
        assertThatThrownBy(() -> InstanceCatalog.parse(new BufferedReader(new StringReader("m5.xlarge,m5,4,16\n"))))
                .hasMessageContaining("expected header");
    }

    @Test
    void rejectsDuplicates() {
        InstanceType t = new InstanceType("m5.xlarge", "m5", 4, DataSize.ofGibibytes(16));
        assertThatThrownBy(() -> new InstanceCatalog(java.util.List.of(t, t)))
                .hasMessageContaining("listed twice");
    }
}
