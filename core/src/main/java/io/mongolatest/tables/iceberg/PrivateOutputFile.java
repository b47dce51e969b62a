package io.mongolatest.tables.iceberg;

import java.io.File;
import java.io.IOException;
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
            PrivateFiles.newOutputStream(created(p)).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        return org.apache.iceberg.Files.localOutput(file).createOrOverwrite();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
        try {
            PrivateFiles.createDirectories(file.toPath().toAbsolutePath().getParent());
            PrivateFiles.newOutputStream(file.toPath()).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        return org.apache.iceberg.Files.localOutput(file).createOrOverwrite();
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
