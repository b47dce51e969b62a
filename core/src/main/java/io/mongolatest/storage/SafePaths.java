package io.mongolatest.storage;

import java.nio.file.Path;

import io.mongolatest.MongoLatestException;

/** Paths built from user input (ids, names) that can never leave the folder they are meant for. */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * {@code root/name}, where {@code name} must be one plain path segment: not empty, not {@code .} or
     * {@code ..} (nor only dots), without separators. Anything else is a user error naming {@code what}.
     */
    public static Path child(Path root, String name, String what) {
        segment(name, what);
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(name).normalize();
        if (!base.equals(p.getParent())) {
            throw MongoLatestException.user("invalid " + what + " '" + name + "': it would leave " + base);
        }
        return p;
    }

    /** {@code name} if it is one plain path segment (see {@link #child}), else a user error naming {@code what}. */
    public static String segment(String name, String what) {
        if (name == null || name.isEmpty() || name.chars().allMatch(c -> c == '.') || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw MongoLatestException.user("invalid " + what + " '" + name + "': it must be a plain name, not a path");
        }
        return name;
    }

    /** Whether {@code inner} is {@code outer} or lies below it (both absolute and normalised first). */
    public static boolean within(Path inner, Path outer) {
        return inner.toAbsolutePath().normalize().startsWith(outer.toAbsolutePath().normalize());
    }
}
