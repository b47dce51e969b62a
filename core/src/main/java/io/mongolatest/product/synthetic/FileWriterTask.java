package io.mongolatest.product.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one file of the synthetic export: the versions of a range of records that belong to one snapshot. */
final class FileWriterTask implements Callable<FileWriterTask.Written> {
    private static final JsonFactory JSON = new JsonFactory();

    record Written(long documents, long badLines, long blankLines, long bytes) {
    }

    private final Path file;
    private final CollectionPlan plan;
    private final int snapshot;
    private final long fromRecord;
    private final long toRecord;
    private final int fileIndex;
    private final long[] snapshotMillis;
    private final Documents documents;
    private final SyntheticExport.Options options;

    FileWriterTask(Path file, CollectionPlan plan, int snapshot, long fromRecord, long toRecord, int fileIndex,
                   long[] snapshotMillis, Documents documents, SyntheticExport.Options options) {
        this.file = file;
        this.plan = plan;
        this.snapshot = snapshot;
        this.fromRecord = fromRecord;
        this.toRecord = toRecord;
        this.fileIndex = fileIndex;
        this.snapshotMillis = snapshotMillis;
        this.documents = documents;
        this.options = options;
    }

    @Override
    public Written call() throws IOException {
        Files.createDirectories(file.getParent());
        long docs = 0;
        long bad = 0;
        long blank = 0;
        SplittableRandom noise = RecordPlan.random(options.seed() ^ 0x632BE59BD9B4E019L,
                plan.shape().ordinal() * 16 + snapshot, fileIndex);
        try (OutputStream out = open(file); JsonGenerator g = JSON.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (long record = fromRecord; record < toRecord; record++) {
                List<Version> versions = plan.versions(options.seed(), record, snapshotMillis);
                for (int i = 0; i < versions.size(); i++) {
                    Version v = versions.get(i);
                    if (v.snapshot() != snapshot) {
                        continue;
                    }
                    SplittableRandom r = RecordPlan.random(options.seed() ^ 0x94D049BB133111EBL,
                            plan.shape().ordinal(), record * 8 + i);
                    documents.write(g, plan.shape(), record, v, i, versions.get(0).epochMillis(), r);
                    g.writeRaw('\n');
                    docs++;
                    if (options.badFraction() > 0 && noise.nextDouble() < options.badFraction()) {
                        g.flush();
                        out.write(badLine(noise.nextInt(5), bad++, record));
                    }
                    if (noise.nextInt(5000) == 0) {
                        g.writeRaw(noise.nextBoolean() ? "\n" : "   \r\n");
                        blank++;
                    }
                }
            }
        }
        return new Written(docs, bad, blank, Files.size(file));
    }

    /** One of the bad record kinds. */
    private static byte[] badLine(int kind, long n, long record) {
        String id = "\"_id\": {\"badLineId\": \"" + record + "-" + n + "\"}";
        return switch (kind) {
            case 0 -> ("{" + id + ", \"_lastModifiedDateTime\": {\"d_date\": \"2021-03-0\n")
                    .getBytes(StandardCharsets.UTF_8);
            case 1 -> "[\"not\", \"an\", \"object\"]\n".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"_lastModifiedDateTime\": {\"d_date\": \"2021-03-01T00:00:00.000+0000\"}, \"note\": \"no id\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{" + id + ", \"_lastModifiedDateTime\": {\"d_date\": \"2021-02-30T25:61:00.000+0000\"}}\n")
                    .getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] head = ("{" + id + ", \"name\": \"").getBytes(StandardCharsets.UTF_8);
                byte[] line = new byte[head.length + 5];
                System.arraycopy(head, 0, line, 0, head.length);
                line[head.length] = (byte) 0xc3; // a lead byte without its continuation
                line[head.length + 1] = '(';
                line[head.length + 2] = '"';
                line[head.length + 3] = '}';
                line[head.length + 4] = '\n';
                yield line;
            }
        };
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return SyntheticExport.buffered(raw);
        }
        return new GZIPOutputStream(SyntheticExport.buffered(raw), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED); // generating is for tests and benchmarks: speed over size
            }
        };
    }
}
