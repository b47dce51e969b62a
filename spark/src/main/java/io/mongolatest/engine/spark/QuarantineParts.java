package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;

/**
 * The bad lines of a collection, written by its tasks a file each ({@link #part}), put together into the
 * collection's one quarantine file in file order: streamed, a buffer at a time, whatever their size.
 */
final class QuarantineParts {
    private final FileArea files;
    private final String folder;

    /** @param folder where the tasks' parts are, in {@code files} */
    QuarantineParts(FileArea files, String folder) {
        this.files = requireNonNull(files, "files is null");
        this.folder = requireNonNull(folder, "folder is null");
    }

    /** Where the task reading file {@code index} puts its bad lines. */
    String part(int index) {
        return folder + "/" + index + ".jsonl";
    }

    /** Appends the parts of files {@code from} to {@code to - 1} to {@code target}, created only if there are any. */
    void mergeInto(String target, int from, int to) {
        OutputStream out = null;
        try {
            try {
                for (int i = from; i < to; i++) {
                    Optional<InputStream> part = files.open(part(i));
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (out == null) {
                        out = new BufferedOutputStream(files.create(target), 1 << 16);
                    }
                    try (InputStream in = part.get()) {
                        in.transferTo(out);
                    }
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(target) + ": " + e.getMessage(), e);
        }
        files.deleteTree(folder);
    }
}
