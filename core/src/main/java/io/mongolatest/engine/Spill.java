package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mongolatest.latest.input.InputFile;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.StorageErrors;

/**
 * The decompressed text of a collection's gzip files, kept by pass 1 for pass 2 of the build: inflating
 * costs as much as parsing, and reading a plain copy back costs little. Lives in a scratch folder that
 * is deleted with the collection.
 */
final class Spill implements AutoCloseable {
    private final Path dir;
    private final Map<Integer, Path> complete = new ConcurrentHashMap<>();

    Spill(Path dir) {
        this.dir = requireNonNull(dir, "dir is null");
    }

    /** The stream pass 1 reads file {@code index} through: for gzip files it also writes the plain copy. */
    InputStream tee(int index, InputFile file, InputStream in) {
        if (!file.gzip()) {
            return in;
        }
        Path target = dir.resolve(index + ".plain");
        try {
            PrivateFiles.createDirectories(dir);
            return new Tee(in, new BufferedOutputStream(PrivateFiles.newOutputStream(target), 1 << 20), index, target);
        } catch (IOException e) {
            throw StorageErrors.cannotWrite(target, e);
        }
    }

    /** The plain copy of file {@code index} if pass 1 read all of it, else null. */
    Path plainCopy(int index) {
        return complete.get(index);
    }

    @Override
    public void close() {
        PrivateFiles.deleteTree(dir);
    }

    private final class Tee extends FilterInputStream {

        private final OutputStream copy;
        private final int index;
        private final Path target;
        private boolean ended;

        Tee(InputStream in, OutputStream copy, int index, Path target) {
            super(in);
            this.copy = copy;
            this.index = index;
            this.target = target;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                try {
                    copy.write(b, off, n);
                } catch (IOException e) {
                    // The scratch disk failed, not the input: say so (e.g. which disk is full).
                    throw StorageErrors.cannotWrite(target, e);
                }
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            throw new UnsupportedOperationException("read in blocks");
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                closeCopy();
                if (ended) {
                    complete.put(index, target);
                }
            }
        }

        private void closeCopy() {
            try {
                copy.close();
            } catch (IOException e) {
                throw StorageErrors.cannotWrite(target, e);
            }
        }
    }
}
