package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

import io.mongolatest.latest.ChosenLines;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.storage.StorageRoots;

import scala.Tuple2;

/**
 * Pass 2 of the build in a task: partition {@code i} holds the winners from file {@code i} that are not
 * removals, in line order. The task reads the file again, up to its last chosen line ({@link ChosenLines}, as
 * on DuckDB: each must still carry its winner's id), and gives each its document text and snapshot
 * ({@link SparkLatestBuild#LINES}). The file is checked to be as the run's input listed it before and after.
 */
final class ChosenLinesTask implements Function2<Integer, Iterator<Tuple2<Long, ChosenVersion>>, Iterator<Row>> {
    private static final long serialVersionUID = 1L;

    private final StorageRoots roots;
    private final List<InputFile> files;

    /** @param files the collection's files, in its file order */
    ChosenLinesTask(StorageRoots roots, List<InputFile> files) {
        this.roots = requireNonNull(roots, "roots is null");
        this.files = List.copyOf(files);
    }

    @Override
    public Iterator<Row> call(Integer file, Iterator<Tuple2<Long, ChosenVersion>> chosen) {
        return new Rows(files.get(file), chosen);
    }

    private final class Rows implements Iterator<Row> {
        private final InputFile file;
        private final Iterator<Tuple2<Long, ChosenVersion>> chosen;
        private Tuple2<Long, ChosenVersion> next;
        private StorageRoots.Opened stores;
        private ChosenLines lines;
        private boolean done;

        Rows(InputFile file, Iterator<Tuple2<Long, ChosenVersion>> chosen) {
            this.file = file;
            this.chosen = chosen;
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((TaskCompletionListener) context -> close());
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                if (chosen.hasNext()) {
                    next = chosen.next();
                } else {
                    done = true;
                    if (lines != null) {
                        InputLines.checkUnchanged(stores.input(), file);
                    }
                    close();
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Tuple2<Long, ChosenVersion> c = next;
            next = null;
            if (lines == null) {
                stores = roots.open();
                InputLines.checkUnchanged(stores.input(), file);
                lines = new ChosenLines(file, InputLines.open(stores.input(), file));
            }
            byte[] text = lines.text(c._1() & InputLines.LINE_MASK, c._2().id());
            return RowFactory.create(c._2().id(), c._2().ts(), c._2().created(), file.snapshot().type().label(),
                    file.snapshot().id(), text);
        }

        private void close() {
            if (lines == null) {
                return;
            }
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lines = null;
                stores.close();
                stores = null;
            }
        }
    }
}
