package io.mongolatest.storage;

import java.util.List;

/** Relative paths inside a store: plain segments separated by {@code /}, never climbing out. */
public final class RelativePaths {
    private RelativePaths() {
    }

    /** The segments of {@code relative}; empty, {@code .} and {@code ..} segments and a leading slash are refused. */
    public static List<String> segments(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/")) {
            throw new IllegalArgumentException("not a relative path: '" + relative + "'");
        }
        List<String> out = List.of(relative.split("/", -1));
        for (String s : out) {
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a plain relative path: '" + relative + "'");
            }
        }
        return out;
    }

    /** The last segment: a file's name. */
    public static String name(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }
}
