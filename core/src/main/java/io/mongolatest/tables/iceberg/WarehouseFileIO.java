package io.mongolatest.tables.iceberg;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Iceberg's file access for a warehouse, without Hadoop: local files through {@code java.nio} (a plain absolute
 * path, or a {@code file:} URI), {@code s3://} through Iceberg's {@link S3FileIO} on the AWS SDK, opened with the
 * catalog's properties ({@code s3.endpoint}, {@code s3.path-style-access}, {@code client.region}) when first
 * needed. Every catalog and engine of the product opens files through it ({@code io-impl}).
 */
public class WarehouseFileIO implements FileIO, SupportsPrefixOperations {
    private Map<String, String> properties = Map.of();
    private S3FileIO s3;

    /** Iceberg makes it by name and then calls {@link #initialize}. */
    public WarehouseFileIO() {
    }

    @Override
    public void initialize(Map<String, String> props) {
        this.properties = Map.copyOf(props);
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public InputFile newInputFile(String location) {
        return isS3(location) ? s3().newInputFile(location) : org.apache.iceberg.Files.localInput(local(location));
    }

    @Override
    public InputFile newInputFile(String location, long length) {
        return isS3(location) ? s3().newInputFile(location, length) : newInputFile(location);
    }

    @Override
    public OutputFile newOutputFile(String location) {
        if (isS3(location)) {
            return s3().newOutputFile(location);
        }
        return new PrivateOutputFile(local(location));
    }

    @Override
    public void deleteFile(String location) {
        if (isS3(location)) {
            s3().deleteFile(location);
            return;
        }
        try {
            Files.deleteIfExists(local(location).toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Iterable<FileInfo> listPrefix(String prefix) {
        if (isS3(prefix)) {
            return s3().listPrefix(prefix);
        }
        Path root = local(prefix).toPath();
        List<FileInfo> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(new FileInfo(file.toString(), attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted while listed
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void deletePrefix(String prefix) {
        if (isS3(prefix)) {
            s3().deletePrefix(prefix);
            return;
        }
        for (FileInfo f : listPrefix(prefix)) {
            deleteFile(f.location());
        }
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }

    private synchronized S3FileIO s3() {
        if (s3 == null) {
            S3FileIO io = new S3FileIO();
            io.initialize(properties);
            s3 = io;
        }
        return s3;
    }

    static boolean isS3(String location) {
        return location.startsWith("s3://") || location.startsWith("s3a://") || location.startsWith("s3n://");
    }

    /** A local location as a file: {@code file:///x}, {@code file:/x} or {@code /x}. */
    static File local(String location) {
        String path = location;
        if (path.startsWith("file://")) {
            path = path.substring("file://".length());
        } else if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        return new File(path);
    }
}
