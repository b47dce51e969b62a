package io.mongolatest.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mongolatest.MongoLatestException;

/**
 * Failures to write local files, named by where they happened: a full disk names the folder and its file
 * system, so that an operator frees space there rather than suspecting the input.
 */
public final class StorageErrors {
    private static final String NO_SPACE = "No space left on device";

    private StorageErrors() {
    }

    public static MongoLatestException cannotWrite(Path where, IOException e) {
        String reason = reason(e);
        if (isDiskFull(reason)) {
            return diskFull(where, e);
        }
        if (e instanceof AccessDeniedException || reason.contains("Read-only file system")) {
            return MongoLatestException.user("cannot write " + where + ": " + (e instanceof AccessDeniedException
                    ? "permission denied" : "read-only file system"), e);
        }
        return MongoLatestException.external("cannot write " + where + ": " + reason, e);
    }

    /** Whether an error message, of Java or of an engine, says the disk is full. */
    public static boolean isDiskFull(String message) {
        return message != null && message.contains(NO_SPACE);
    }

    public static MongoLatestException diskFull(Path where, Throwable cause) {
        return MongoLatestException.external("disk full: cannot write " + where + fileSystemOf(where) + ": "
                + NO_SPACE + "; free space there or point the run elsewhere", cause);
    }

    private static String fileSystemOf(Path where) {
        Path p = where.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return "";
        }
        try {
            FileStore store = Files.getFileStore(p);
            return " (file system " + store + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Why a file operation failed, for a message that already names the file: Java's message of a refused
     * permission is the bare path, so that one says "permission denied".
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
