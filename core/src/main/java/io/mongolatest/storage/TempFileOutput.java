package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A stream into a private temporary file that is published (renamed into place, uploaded) only when the
 * stream is closed, so that nobody reads half a file; the temporary file is gone afterwards either way.
 */
public final class TempFileOutput extends FilterOutputStream {
    /** Makes the closed temporary file visible under its real name. */
    @FunctionalInterface
    public interface Publish {
        void publish(Path tmp) throws IOException;
    }

    private final Path tmp;
    private final Publish publish;
    private final Function<IOException, ? extends RuntimeException> failure;
    private boolean closed;

    private TempFileOutput(OutputStream out, Path tmp, Publish publish,
                           Function<IOException, ? extends RuntimeException> failure) {
        super(out);
        this.tmp = tmp;
        this.publish = publish;
        this.failure = failure;
    }

    /** @param failure what a failure to write or publish becomes, e.g. an error naming the real target */
    public static OutputStream open(Path tmp, Publish publish, Function<IOException, ? extends RuntimeException> failure)
            throws IOException {
        requireNonNull(publish, "publish is null");
        requireNonNull(failure, "failure is null");
        return new TempFileOutput(PrivateFiles.newOutputStream(requireNonNull(tmp, "tmp is null")), tmp, publish,
                failure);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
            publish.publish(tmp);
        } catch (IOException e) {
            throw failure.apply(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
