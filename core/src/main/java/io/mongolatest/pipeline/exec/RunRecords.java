package io.mongolatest.pipeline.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.SafePaths;

/**
 * The files a run keeps in its warehouse beside the tables: the input selection of each attempt, under
 * {@code .runs/<correlation id>/}, named by its digest so that racing writers write the same bytes.
 */
final class RunRecords {
    private static final String FOLDER = ".runs";

    private RunRecords() {
    }

    static String inputRecord(String correlationId, String digest) {
        return FOLDER + "/" + SafePaths.idName(correlationId, "correlation id") + "/input-"
                + SafePaths.segment(digest, "input digest") + ".json";
    }

    static void write(FileArea files, String path, byte[] bytes) {
        try (OutputStream out = files.create(path)) {
            out.write(bytes);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(path) + ": " + e.getMessage(), e);
        }
    }

    static byte[] read(FileArea files, String path) {
        try {
            Optional<InputStream> in = files.open(path);
            if (in.isEmpty()) {
                throw MongoLatestException.external("the input selection of this attempt, " + files.location(path)
                        + ", is gone from the warehouse; start the run again from its first step", null);
            }
            try (InputStream s = in.get()) {
                return s.readAllBytes();
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + files.location(path) + ": " + e.getMessage(), e);
        }
    }
}
