package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;

/**
 * A bucket and a key in it, {@code s3://bucket/key}: an object, or the prefix of the objects below it. The key
 * has no leading or trailing slash, no empty, {@code .} or {@code ..} segment; the empty key is the whole
 * bucket. {@link #resolve} is the only way down, so no key built from user input leaves its prefix.
 */
public record S3Location(String bucket, String key) implements Location {
    public static final String SCHEME_NAME = "s3";

    private static final String SCHEME = "s3://";
    // Bucket naming rules for general purpose buckets, as AWS documents them.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String[] RESERVED_PREFIXES = {"xn--", "sthree-", "amzn-s3-demo-"};
    private static final String[] RESERVED_SUFFIXES = {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"};
    private static final int MAX_KEY_BYTES = 1024;

    public S3Location {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
        String bucketProblem = bucketProblem(bucket);
        if (bucketProblem != null) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "': " + bucketProblem);
        }
        String keyProblem = keyProblem(key);
        if (keyProblem != null) {
            throw new IllegalArgumentException("invalid S3 key '" + key + "': " + keyProblem);
        }
    }

    @Override
    public String scheme() {
        return SCHEME_NAME;
    }

    /** Whether {@code text} names an S3 location at all (it may still be an invalid one). */
    public static boolean isS3(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/a/b[/]}; a trailing slash is
     * dropped. A malformed location is the operator's to fix: a user error naming it and the rule it breaks.
     */
    public static S3Location parse(String text) {
        requireNonNull(text, "text is null");
        if (!text.startsWith(SCHEME)) {
            throw MongoLatestException.user("invalid S3 location '" + text + "': expected s3://bucket/prefix");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        String problem = bucketProblem(bucket);
        if (problem == null) {
            problem = keyProblem(key);
        }
        if (problem != null) {
            throw MongoLatestException.user("invalid S3 location '" + text + "': " + problem);
        }
        return new S3Location(bucket, key);
    }

    /**
     * The location {@code child} below this one; {@code child} is relative ({@code a/b.parquet}) and may not
     * climb ({@code ..}), stand still ({@code .}), start with a slash or hold an empty segment.
     */
    public S3Location resolve(String child) {
        requireNonNull(child, "child is null");
        if (child.isEmpty() || child.startsWith("/")) {
            throw new IllegalArgumentException("not a relative S3 key below " + this + ": '" + child + "'");
        }
        String problem = keyProblem(child);
        if (problem != null) {
            throw new IllegalArgumentException("cannot resolve '" + child + "' below " + this + ": " + problem);
        }
        return new S3Location(bucket, key.isEmpty() ? child : key + "/" + child);
    }

    /** What S3 lists for the objects below this location: the key and a slash, or nothing for the bucket. */
    public String keyPrefix() {
        return key.isEmpty() ? "" : key + "/";
    }

    /** {@code s3://bucket/key}, which {@link #parse} reads back to an equal location. */
    @Override
    public String toString() {
        return SCHEME + bucket + (key.isEmpty() ? "" : "/" + key);
    }

    private static String bucketProblem(String bucket) {
        if (bucket.isEmpty()) {
            return "no bucket name";
        }
        if (!BUCKET.matcher(bucket).matches()) {
            return "a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending "
                    + "with a letter or digit";
        }
        if (bucket.contains("..")) {
            return "a bucket name has no two adjacent dots";
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return "a bucket name is not an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (bucket.startsWith(prefix)) {
                return "a bucket name does not start with " + prefix;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (bucket.endsWith(suffix)) {
                return "a bucket name does not end with " + suffix;
            }
        }
        return null;
    }

    private static String keyProblem(String key) {
        if (key.isEmpty()) {
            return null;
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return "a key is at most " + MAX_KEY_BYTES + " bytes";
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return "a key holds no control characters";
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "a key has no empty segment (no leading, trailing or double slash)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "a key has no '" + segment + "' segment";
            }
        }
        return null;
    }
}
