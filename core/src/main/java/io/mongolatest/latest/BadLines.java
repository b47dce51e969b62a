package io.mongolatest.latest;

import io.mongolatest.latest.records.BadReason;

/** Where a reader puts the lines it cannot load: a quarantine file, or a task's share of one. */
@FunctionalInterface
public interface BadLines {
    /**
     * @param file       the input file's path under the input root
     * @param line       1-based line number
     * @param fullLength the line's length in bytes (the text given may be cut short)
     */
    void add(String file, long line, BadReason reason, String problem, byte[] b, int off, int len, long fullLength);
}
