package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

import com.fasterxml.jackson.core.JsonFactory;

import io.mongolatest.latest.FileVersions;
import io.mongolatest.latest.LineTally;
import io.mongolatest.latest.Quarantine;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.storage.StorageRoots;

/**
 * Pass 1 of the build in a task: one input file, opened where the task runs, read with the record rules
 * ({@link FileVersions}, as on DuckDB), every version as a small row ({@link SparkLatestBuild#VERSIONS}).
 * Bad lines go to the file's own part of the quarantine; the line counts, once the file is read to its end,
 * to {@link PerFile}. The file is checked to be as the run's input listed it before and after it is read.
 */
final class VersionsTask implements FlatMapFunction<Iterator<FileToRead>, Row> {
    private static final long serialVersionUID = 1L;

    private final StorageRoots roots;
    private final PerFile<LineTally> tallies;

    VersionsTask(StorageRoots roots, PerFile<LineTally> tallies) {
        this.roots = requireNonNull(roots, "roots is null");
        this.tallies = requireNonNull(tallies, "tallies is null");
    }

    @Override
    public Iterator<Row> call(Iterator<FileToRead> files) {
        if (!files.hasNext()) {
            return Collections.emptyIterator();
        }
        FileToRead f = files.next();
        if (files.hasNext()) {
            throw new IllegalStateException("a task of the build reads one file");
        }
        return new Rows(f);
    }

    private final class Rows implements Iterator<Row> {
        private final FileToRead file;
        private final StorageRoots.Opened stores;
        private final Quarantine quarantine;
        private final FileVersions versions;
        private boolean ready;
        private boolean done;
        private boolean closed;

        Rows(FileToRead file) {
            this.file = file;
            this.stores = roots.open();
            InputLines.checkUnchanged(stores.input(), file.file());
            this.quarantine = new Quarantine(new JsonFactory(), stores.files(), file.badLines());
            this.versions = new FileVersions(InputLines.open(stores.input(), file.file()), file.index(), file.file(),
                    quarantine);
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((TaskCompletionListener) context -> close());
            }
        }

        @Override
        public boolean hasNext() {
            if (!ready && !done) {
                ready = versions.next();
                if (!ready) {
                    done = true;
                    InputLines.checkUnchanged(stores.input(), file.file());
                    close();
                    tallies.add(file.index(), versions.tally());
                }
            }
            return ready;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            return RowFactory.create(versions.position(), versions.id(), versions.versionMicros(),
                    versions.versionNanos(), versions.hasCreated() ? versions.createdMicros() : null, versions.removed());
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                versions.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    quarantine.close();
                } finally {
                    stores.close();
                }
            }
        }
    }
}
