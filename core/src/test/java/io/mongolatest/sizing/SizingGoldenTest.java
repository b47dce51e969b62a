package io.mongolatest.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two worked examples of docs/sizing.md, the original system's development and production clusters,
 * compared to the letter with files under {@code golden/}.
 */
class SizingGoldenTest {
    private static final InstanceType M5_4XLARGE = InstanceCatalog.bundled().require("m5.4xlarge", "instance type");

    private static ClusterSizing sizing(int nodes) {
        return SizingRules.size(new ClusterShape(M5_4XLARGE, nodes, M5_4XLARGE));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = SizingGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 40})
    void explainedPropertiesMatchTheGoldenFile(int nodes) throws IOException {
        assertThat(SizingText.properties(sizing(nodes), true))
                .isEqualTo(golden("m5.4xlarge-x" + nodes + "-explain.properties"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 40})
    void emrJsonMatchesTheGoldenFile(int nodes) throws IOException {
        assertThat(EmrConfiguration.json(sizing(nodes))).isEqualTo(golden("m5.4xlarge-x" + nodes + ".json"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 40})
    void plainPropertiesAreTheExplainedOnesWithoutRules(int nodes) {
        String explained = SizingText.properties(sizing(nodes), true);
        String plain = SizingText.properties(sizing(nodes), false);
        assertThat(plain.lines().filter(SizingGoldenTest::isSetting))
                .containsExactlyElementsOf(explained.lines().filter(SizingGoldenTest::isSetting).toList())
                .contains("hive-site.hive.tez.container.size=7168");
        assertThat(plain).doesNotContain("[tez-memory]");
    }

    private static boolean isSetting(String line) {
        return !line.startsWith("#") && line.contains("=");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 40})
    void emrJsonReadsBackAsTheSettings(int nodes) throws IOException {
        ClusterSizing sizing = sizing(nodes);
        List<EmrConfiguration> read = new ObjectMapper().readValue(EmrConfiguration.json(sizing),
                new TypeReference<List<EmrConfiguration>>() { });
        assertThat(read).containsExactlyElementsOf(EmrConfiguration.of(sizing));
        assertThat(read).extracting(EmrConfiguration::classification)
                .containsExactly("yarn-site", "tez-site", "hive-site", "spark-defaults");
        assertThat(read.stream().mapToInt(c -> c.properties().size()).sum()).isEqualTo(sizing.settings().size());
    }
}
