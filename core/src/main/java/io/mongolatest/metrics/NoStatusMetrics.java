package io.mongolatest.metrics;

/** The receiver used when no Pushgateway is configured. */
enum NoStatusMetrics implements StatusMetrics {
    INSTANCE;

    @Override
    public void deleteRunGroup(RunLabels run) {
    }

    @Override
    public void deleteEverything() {
    }

    @Override
    public void pushStatus(RunLabels run, RunState state) {
    }

    @Override
    public void pushStep(RunLabels run, StepFigures figures) {
    }

    @Override
    public String describe() {
        return "none";
    }
}
