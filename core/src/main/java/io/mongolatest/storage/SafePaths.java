package io.mongolatest.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ShortHash;

/** Paths built from user input (ids, names) that can never leave the folder they are meant for. */
public final class SafePaths {
    /** The longest file or folder name Linux (and most file systems) allow, in bytes. */
    private static final int MAX_NAME_BYTES = 255;
    /** Between the prefix of a long id and its digest; no id holds it, so a shortened name is no id's own. */
    private static final char SHORTENED = '~';

    private SafePaths() {
    }

    /**
     * The file or folder name for {@code id} (a plain segment, see {@link #segment}), fitting any valid id: the
     * id itself when it fits in a name, else as much of it as fits beside {@code ~} and the {@link ShortHash} of
     * the whole id. Ids that fit keep the names they always had, so folders written before stay where they were.
     */
    public static String idName(String id, String what) {
        segment(id, what);
        if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return id;
        }
        String digest = SHORTENED + ShortHash.of(id);
        int end = 0;
        int bytes = digest.length();
        while (end < id.length()) {
            int next = id.offsetByCodePoints(end, 1);
            bytes += id.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                break;
            }
            end = next;
        }
        return id.substring(0, end) + digest;
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
