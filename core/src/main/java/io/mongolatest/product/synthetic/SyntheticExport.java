package io.mongolatest.product.synthetic;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;

/**
 * Writes a deterministic synthetic snapshot export (SPEC §9 {@code generate}): one full snapshot three
 * days before the export date and three daily incremental ones up to it, six collections shaped like
 * Universal Credit data, versions, removals in every form, ids with keys in varying order, every date
 * form, and optionally bad lines. The same options always give the same bytes.
 */
public final class SyntheticExport {
    /** Lines per file, about 100 MB of JSON. */
    static final long LINES_PER_FILE = 100_000;
    private static final int INCREMENTALS = 3;

    /**
     * @param documents   document lines in all (bad lines come on top)
     * @param badFraction chance of a bad line after each document line
     * @param threads     files written at once
     */
    public record Options(long documents, long seed, LocalDate exportDate, double badFraction, int threads) {
        public Options {
            requireNonNull(exportDate, "exportDate is null");
            if (documents < 1) {
                throw MongoLatestException.user("--docs must be at least 1, not " + documents);
            }
            if (badFraction < 0 || badFraction > 1) {
                throw MongoLatestException.user("--bad-fraction must be between 0 and 1");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads < 1");
            }
        }
    }

    /** What was written. */
    public record Summary(List<String> snapshots, int collections, int files, long documents, long badLines,
                          long blankLines, long bytes) {
        public Summary {
            snapshots = List.copyOf(snapshots);
        }
    }

    private SyntheticExport() {
    }

    public static Summary write(Path out, Options options) {
        return write(out, options, line -> { });
    }

    /** @param progress told how far the writing is, a line at a time (a tenth of the files each) */
    public static Summary write(Path out, Options options, Consumer<String> progress) {
        checkEmpty(out);
        LocalDateTime fullTime = options.exportDate().minusDays(INCREMENTALS).atTime(1, 0);
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(new Snapshot(SnapshotType.FULL, Snapshot.idOf(fullTime), fullTime));
        for (int k = 1; k <= INCREMENTALS; k++) {
            LocalDateTime t = fullTime.plusDays(k);
            snapshots.add(new Snapshot(SnapshotType.INCREMENTAL, Snapshot.idOf(t), t));
        }
        long[] millis = snapshots.stream().mapToLong(s -> s.time().toInstant(ZoneOffset.UTC).toEpochMilli()).toArray();

        List<CollectionPlan> plans = new ArrayList<>();
        long assigned = 0;
        Shape[] shapes = Shape.values();
        for (int i = 0; i < shapes.length; i++) {
            long docs = i == shapes.length - 1 ? options.documents() - assigned
                    : options.documents() * shapes[i].share / 100;
            assigned += docs;
            plans.add(CollectionPlan.of(options.seed(), shapes[i], docs, millis));
        }
        Documents documents = new Documents(options.seed(), plans.get(Shape.CONTRACT.ordinal()).records());
        List<FileWriterTask> tasks = new ArrayList<>();
        for (CollectionPlan plan : plans) {
            for (int s = 0; s < snapshots.size(); s++) {
                long lines = plan.linesPerSnapshot()[s];
                if (lines == 0) {
                    continue;
                }
                int files = (int) Math.max(1, (lines + LINES_PER_FILE - 1) / LINES_PER_FILE);
                Snapshot snap = snapshots.get(s);
                Path dir = out.resolve(snap.path()).resolve(plan.shape().database).resolve(plan.shape().collection);
                for (int f = 0; f < files; f++) {
                    String name = String.format("part-%05d.%s", f, s == 0 ? "jsonl.gz" : "json");
                    tasks.add(new FileWriterTask(dir.resolve(name), plan, s, plan.records() * f / files,
                            plan.records() * (f + 1) / files, f, millis, documents, options));
                }
            }
        }
        progress.accept(String.format(Locale.ROOT, "writing %,d documents in %d files of %d snapshots", options.documents(),
                tasks.size(), snapshots.size()));
        return run(tasks, options.threads(), snapshots, progress);
    }

    private static Summary run(List<FileWriterTask> tasks, int threads, List<Snapshot> snapshots,
                               Consumer<String> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FileWriterTask.Written>> results = new ArrayList<>();
            for (FileWriterTask t : tasks) {
                results.add(pool.submit(t));
            }
            long docs = 0;
            long bad = 0;
            long blank = 0;
            long bytes = 0;
            int done = 0;
            int step = Math.max(1, results.size() / 10);
            for (Future<FileWriterTask.Written> f : results) {
                FileWriterTask.Written w = f.get();
                docs += w.documents();
                bad += w.badLines();
                blank += w.blankLines();
                bytes += w.bytes();
                if (++done % step == 0 || done == results.size()) {
                    progress.accept(String.format(Locale.ROOT, "%d of %d files written (%,d documents, %,d bytes)",
                            done, results.size(), docs, bytes));
                }
            }
            return new Summary(snapshots.stream().map(Snapshot::path).toList(), Shape.values().length, tasks.size(),
                    docs, bad, blank, bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MongoLatestException.internal("interrupted while generating", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof MongoLatestException m ? m
                    : MongoLatestException.external("cannot write the export: " + c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkEmpty(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw MongoLatestException.user(out + " is not empty; generate writes into a new or empty folder");
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot use " + out + ": " + e.getMessage(), e);
        }
    }

    static OutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out, 1 << 16);
    }
}
