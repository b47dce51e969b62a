package io.mongolatest.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.RunState;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.metrics.StepFigures;

/** Records what a run pushes, as "status:RUNNING", "step:name", "delete", "wipe". */
final class RecordingMetrics implements StatusMetrics {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void deleteRunGroup(RunLabels run) {
        calls.add("delete");
    }

    @Override
    public void deleteEverything() {
        calls.add("wipe");
    }

    @Override
    public void pushStatus(RunLabels run, RunState state) {
        calls.add("status:" + state);
    }

    @Override
    public void pushStep(RunLabels run, StepFigures figures) {
        calls.add("step:" + figures.step());
    }

    @Override
    public String describe() {
        return "recording";
    }
}
