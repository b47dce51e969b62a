package io.mongolatest.product;

/**
 * {@link LatestPropertyTest} with every build a delta: the random export without its newest snapshot is built
 * by an earlier completed run, and the build merges the newest one into that run's kept state.
 */
class LatestDeltaPropertyTest extends LatestPropertyTest {
    @Override
    protected boolean deltaPath() {
        return true;
    }
}
