package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link LatestRulesTest}, unchanged, with every build a delta: each fixture tree without its newest incremental
 * snapshot is built by an earlier completed run first, and the build adds that snapshot to its kept state.
 */
class LatestDeltaRulesTest extends LatestRulesTest {
    @BeforeEach
    void onTheDeltaPath() {
        h.deltaPath = true;
    }

    @AfterEach
    void everyKeptStateWasUsed() {
        assertThat(h.deltaBuilds).as("delta builds").isEqualTo(h.statesBuilt);
    }
}
