package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What a finished step reports: how long it took and how many rows it wrote. */
public record StepFigures(String step, Duration duration, long rows) {
    public StepFigures {
        requireNonNull(step, "step is null");
        requireNonNull(duration, "duration is null");
    }
}
