package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.records.BadReason;
import io.mongolatest.storage.FileArea;

/**
 * The bad lines of one collection, as JSON lines in {@code <warehouse>/quarantine/<correlation id>/<table>.jsonl}:
 * file (under the input root), line number, reason code, what is wrong, the line's length in bytes and its
 * text (invalid UTF-8 shown as U+FFFD, cut after {@value #MAX_TEXT} bytes, {@code truncated} then true).
 * The file is created with the first bad line. Readers of several threads may add to it.
 */
public final class Quarantine implements Closeable, BadLines {
    static final int MAX_TEXT = 64 * 1024;

    private final JsonFactory json;
    private final FileArea area;
    private final String file;
    private OutputStream out;
    private JsonGenerator gen;

    /** @param file the file's path in {@code area}, e.g. {@code quarantine/<correlation id>/<table>.jsonl} */
    public Quarantine(JsonFactory json, FileArea area, String file) {
        this.json = requireNonNull(json, "json is null");
        this.area = requireNonNull(area, "area is null");
        this.file = requireNonNull(file, "file is null");
    }

    @Override
    public synchronized void add(String inputFile, long line, BadReason reason, String problem, byte[] b, int off, int len,
                          long fullLength) {
        try {
            if (gen == null) {
                // Bad lines are whole documents: the area keeps them readable by the owner only.
                out = new BufferedOutputStream(area.create(file), 1 << 16);
                gen = json.createGenerator(out, JsonEncoding.UTF8);
                gen.setRootValueSeparator(null); // one object per line: the newline is written below
            }
            int shown = Math.min(len, MAX_TEXT);
            gen.writeStartObject();
            gen.writeStringField("file", inputFile);
            gen.writeNumberField("line", line);
            gen.writeStringField("reason", reason.code());
            gen.writeStringField("problem", problem);
            gen.writeNumberField("length", fullLength);
            gen.writeStringField("text", new String(b, off, shown, StandardCharsets.UTF_8));
            gen.writeBooleanField("truncated", shown < fullLength);
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + area.location(file) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (gen == null) {
            return;
        }
        try {
            gen.close();
            out.close();
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + area.location(file) + ": " + e.getMessage(), e);
        }
    }
}
