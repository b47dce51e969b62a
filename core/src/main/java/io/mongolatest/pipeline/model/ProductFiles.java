package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.mongolatest.MongoLatestException;

/**
 * The files of a product package, by path relative to its folder ({@code pipeline.yaml},
 * {@code steps/<step>/*.sql}, {@code classification.csv}), read from a folder or from the jar.
 *
 * @param origin where they came from, for messages
 */
public record ProductFiles(String origin, SortedMap<String, byte[]> files) {
    private static final String BUNDLED = "/io/mongolatest/product/default/pipeline.yaml";
    private static final long MAX_FILE = 16L * 1024 * 1024;

    public ProductFiles {
        requireNonNull(origin, "origin is null");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static ProductFiles fromDirectory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pipeline.yaml"))) {
            throw MongoLatestException.user("no product package at " + root + " (it has no pipeline.yaml);"
                    + " create one with: mongo-latest product init " + dir);
        }
        return new ProductFiles(root.toString(), read(root));
    }

    /** The default Mongo Latest product, shipped inside the jar. */
    public static ProductFiles bundled() {
        URL url = ProductFiles.class.getResource(BUNDLED);
        if (url == null) {
            throw MongoLatestException.internal("the default product is missing from the build", null);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return new ProductFiles("(default product)", read(fs.provider().getPath(uri).getParent()));
                }
            }
            return new ProductFiles("(default product)", read(Path.of(uri).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw MongoLatestException.internal("cannot read the default product", e);
        }
    }

    public String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes the files under {@code dir}, which must not exist or be empty. */
    public void writeTo(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw MongoLatestException.user(dir + " is not empty; choose a new folder");
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey()).normalize();
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot write the product to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static SortedMap<String, byte[]> read(Path root) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue; // editor and VCS files are not part of the product
                }
                if (Files.size(p) > MAX_FILE) {
                    throw MongoLatestException.user(p + " is larger than 16 MiB; not a product file");
                }
                out.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read the product at " + root + ": " + e.getMessage(), e);
        }
        return out;
    }
}
