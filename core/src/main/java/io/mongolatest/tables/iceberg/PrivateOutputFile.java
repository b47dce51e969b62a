package io.mongolatest.tables.iceberg;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

import io.mongolatest.storage.PrivateFiles;

/**
 * A local file Iceberg writes (metadata, manifests), made its owner's alone, as every file of the warehouse is, in
 * folders only its owner can enter: Iceberg's own local file takes the mode the umask leaves.
 */
final class PrivateOutputFile implements OutputFile {
    private final File file;

    PrivateOutputFile(File file) {
        this.file = file;
    }

    @Override
    public PositionOutputStream create() {
        Path p = file.toPath();
        try {
            PrivateFiles.createDirectories(p.toAbsolutePath().getParent());
            return new Counting(PrivateFiles.newOutputStream(created(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
        try {
            PrivateFiles.createDirectories(file.toPath().toAbsolutePath().getParent());
            return new Counting(PrivateFiles.newOutputStream(file.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** The file's stream, telling Iceberg how far it has written. */
    private static final class Counting extends PositionOutputStream {
        private final OutputStream out;
        private long pos;

        Counting(OutputStream out) {
            this.out = new java.io.BufferedOutputStream(out, 64 * 1024);
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            pos += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** {@code p}, made now with mode 0600: a file that is there already is Iceberg's "already exists". */
    private static Path created(Path p) throws IOException {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new AlreadyExistsException("Location already exists: %s", p);
        }
        try {
            return PrivateFiles.createNew(p);
        } catch (FileAlreadyExistsException e) {
            throw new AlreadyExistsException(e, "Location already exists: %s", p);
        }
    }

    @Override
    public String location() {
        return file.getPath();
    }

    @Override
    public InputFile toInputFile() {
        return org.apache.iceberg.Files.localInput(file);
    }
}
