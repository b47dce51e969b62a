package io.mongolatest.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.s3.S3Location;

/** Reads a location as an operator types it: a path, {@code file:/path} or {@code s3://bucket/prefix}. */
public final class Locations {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(//)?.*");

    private Locations() {
    }

    /**
     * @param option the option that gave it, for the message of a user error (e.g. {@code --input})
     */
    public static Location parse(String text, String option) {
        if (text == null || text.isBlank()) {
            throw MongoLatestException.user(option + " needs a location: a folder, or s3://bucket/prefix");
        }
        if (S3Location.isS3(text)) {
            return S3Location.parse(text);
        }
        var m = SCHEME.matcher(text);
        // One letter before ':' is a drive or just a file name, not a scheme worth refusing.
        if (m.matches() && m.group(1).length() > 1) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (!scheme.equals(LocalLocation.SCHEME)) {
                throw MongoLatestException.user("unknown scheme '" + scheme + ":' in " + option + " " + text
                        + ": use a local folder or s3://bucket/prefix");
            }
            String path = text.substring(text.indexOf(':') + 1);
            if (path.startsWith("//")) {
                path = path.substring(2);
                if (!path.startsWith("/")) {
                    throw MongoLatestException.user("invalid " + option + " " + text + ": file URLs name no host;"
                            + " use file:/path or file:///path");
                }
            }
            return local(path, option, text);
        }
        return local(text, option, text);
    }

    /** The local path of {@code location}; a user error saying that {@code who} needs a local folder otherwise. */
    public static Path localPath(Location location, String who) {
        if (location instanceof LocalLocation l) {
            return l.path();
        }
        throw MongoLatestException.user(who + " needs a local folder, not " + location);
    }

    private static LocalLocation local(String path, String option, String text) {
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return LocalLocation.of(Path.of(path));
        } catch (InvalidPathException e) {
            throw MongoLatestException.user("invalid " + option + " " + text + ": " + e.getReason(), e);
        }
    }
}
