package io.mongolatest.latest.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.function.UnaryOperator;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.StoredObject;

/** Opening input files and addressing their lines. */
public final class InputLines {
    /** A line's position: its file's index in the collection's file order, then its line number. */
    public static final int LINE_BITS = 36;
    public static final long LINE_MASK = (1L << LINE_BITS) - 1;

    private InputLines() {
    }

    public static long position(int fileIndex, long line) {
        if (line > LINE_MASK) {
            throw MongoLatestException.user("input file has more than " + LINE_MASK + " lines");
        }
        return ((long) fileIndex << LINE_BITS) | line;
    }

    /**
     * A line's position by its byte offset in the (decompressed) file: ordered like {@link #position}, and
     * enough to read the line again without reading the lines before it ({@code ChosenLines.textAt}).
     */
    public static long offsetPosition(int fileIndex, long offset) {
        if (offset > LINE_MASK) {
            throw MongoLatestException.user("input file has more than " + LINE_MASK + " bytes decompressed");
        }
        return ((long) fileIndex << LINE_BITS) | offset;
    }

    public static LineReader open(InputStore store, InputFile file) {
        return open(store, file, UnaryOperator.identity());
    }

    /** Opens {@code file}, its bytes (decompressed) passing through {@code wrap}. */
    public static LineReader open(InputStore store, InputFile file, UnaryOperator<InputStream> wrap) {
        return new LineReader(wrap.apply(openBytes(store, file)));
    }

    /** The bytes of {@code file}, decompressed. */
    public static InputStream openBytes(InputStore store, InputFile file) {
        try {
            InputStream in = store.open(file.object());
            // An empty .gz file is no gzip stream, but exporters write them for empty partitions: no lines.
            boolean gzip = file.gzip() && file.size() > 0;
            return gzip ? new StrictGzipInputStream(in, 1 << 16) : in;
        } catch (NoSuchFileException e) {
            throw disappeared(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static MongoLatestException disappeared(InputFile file, Throwable cause) {
        return MongoLatestException.user("input file " + file.relativePath() + " disappeared during the run", cause);
    }

    /** Opens a plain file that holds the same bytes as {@code file} (decompressed). */
    public static LineReader openCopy(InputFile file, java.nio.file.Path copy) {
        try {
            return new LineReader(Files.newInputStream(copy));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Fails with one line unless {@code file} is still the object the run's input listed: the same size and
     * identity (size and modification time, or the ETag on S3). A build asks before and after each pass over
     * a file, so that it never mixes what it read of one file's bytes with another's.
     */
    public static void checkUnchanged(InputStore store, InputFile file) {
        StoredObject listed = file.object();
        StoredObject now = store.stat(listed).orElseThrow(() -> disappeared(file, null));
        if (!now.equals(listed)) {
            throw changed(file, "it is no longer as the run's input listed it (" + listed.size() + " bytes, "
                    + listed.identity() + "; now " + now.size() + " bytes, " + now.identity() + ")");
        }
    }

    /** The error of an input file that changed while the build read it: {@code why} says how it shows. */
    public static MongoLatestException changed(InputFile file, String why) {
        return MongoLatestException.user("input file " + file.relativePath() + " changed during the build: " + why
                + "; run again once the export is written");
    }

    public static MongoLatestException unreadable(InputFile file, IOException e) {
        return MongoLatestException.user("cannot read input file " + file.relativePath() + ": "
                + StorageErrors.reason(e), e);
    }

    /** Only JSON whitespace (space, tab, carriage return): a blank line, ignored. */
    public static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
