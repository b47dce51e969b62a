package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A folder or file on this machine, absolute and normalised. */
public record LocalLocation(Path path) implements Location {
    public static final String SCHEME = "file";

    public LocalLocation {
        path = requireNonNull(path, "path is null").toAbsolutePath().normalize();
    }

    public static LocalLocation of(Path path) {
        return new LocalLocation(path);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public LocalLocation resolve(String relative) {
        Path p = path;
        for (String segment : RelativePaths.segments(relative)) {
            p = SafePaths.child(p, segment, "path segment");
        }
        return new LocalLocation(p);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
