package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import io.mongolatest.latest.input.InputFile;

/**
 * One input file for a task of the build to read.
 *
 * @param index    the file's place in its collection's file order, part of every version's position
 * @param badLines where the task puts the file's bad lines, in the warehouse's files (created only if any)
 */
record FileToRead(int index, InputFile file, String badLines) implements Serializable {
    FileToRead {
        requireNonNull(file, "file is null");
        requireNonNull(badLines, "badLines is null");
    }
}
