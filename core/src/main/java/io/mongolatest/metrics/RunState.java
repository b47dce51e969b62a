package io.mongolatest.metrics;

/** Values of the {@code mongo_latest_status} gauge, as the original system pushed them. */
public enum RunState {
    RUNNING(1),
    COMPLETED(2),
    FAILED(3),
    CANCELLED(4);

    private final int value;

    RunState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
