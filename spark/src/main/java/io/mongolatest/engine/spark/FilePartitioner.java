package io.mongolatest.engine.spark;

import org.apache.spark.Partitioner;

import io.mongolatest.latest.records.InputLines;

/** Positions ({@link InputLines#position}) by their file: partition {@code i} holds the lines of file {@code i}. */
final class FilePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int files;

    FilePartitioner(int files) {
        if (files < 1) {
            throw new IllegalArgumentException("no files");
        }
        this.files = files;
    }

    @Override
    public int numPartitions() {
        return files;
    }

    @Override
    public int getPartition(Object position) {
        return (int) ((Long) position >>> InputLines.LINE_BITS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilePartitioner p && p.files == files;
    }

    @Override
    public int hashCode() {
        return files;
    }
}
