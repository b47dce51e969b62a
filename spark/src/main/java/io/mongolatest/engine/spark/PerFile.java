package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import org.apache.spark.util.AccumulatorV2;

/**
 * What the tasks of a build report about the files they read, one value per file kept by file index: a task
 * that Spark runs again (a lost executor, a speculative copy) replaces its file's value rather than adding to
 * it, so that every line is counted once however often it was read.
 */
final class PerFile<T extends Serializable> extends AccumulatorV2<PerFile.Report<T>, Map<Integer, T>> {
    private static final long serialVersionUID = 1L;

    /** What a task found in file {@code file}, read to its end. */
    record Report<T>(int file, T value) implements Serializable {
        Report {
            requireNonNull(value, "value is null");
        }
    }

    private final HashMap<Integer, T> byFile = new HashMap<>();

    @Override
    public synchronized boolean isZero() {
        return byFile.isEmpty();
    }

    @Override
    public synchronized PerFile<T> copy() {
        PerFile<T> c = new PerFile<>();
        c.byFile.putAll(byFile);
        return c;
    }

    @Override
    public synchronized void reset() {
        byFile.clear();
    }

    @Override
    public synchronized void add(Report<T> r) {
        byFile.put(r.file(), r.value());
    }

    void add(int file, T value) {
        add(new Report<>(file, value));
    }

    @Override
    public void merge(AccumulatorV2<Report<T>, Map<Integer, T>> other) {
        Map<Integer, T> theirs = other.value();
        synchronized (this) {
            byFile.putAll(theirs);
        }
    }

    @Override
    public synchronized Map<Integer, T> value() {
        return Map.copyOf(byFile);
    }

    /** The values of files {@code from} to {@code to - 1}, in file order; every one of them must have reported. */
    java.util.List<T> all(int from, int to) {
        Map<Integer, T> all = value();
        java.util.List<T> out = new java.util.ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            T t = all.get(i);
            if (t == null) {
                throw new IllegalStateException("no report came back for file " + i + " of " + to);
            }
            out.add(t);
        }
        return out;
    }
}
