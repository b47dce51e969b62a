package io.mongolatest.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.s3.S3Location;

/** Checks of the folders a run is given, made before anything is written. */
public final class FolderChecks {
    private FolderChecks() {
    }

    /**
     * Refuses {@code inner} when it is {@code outer} or lies inside it (e.g. a warehouse inside the input: the
     * run would write into the export and break every later run on it). Links are followed, so that a link
     * cannot hide it.
     */
    public static void checkNotInside(String innerOption, Path inner, String outerOption, Path outer) {
        Path a = realOrLexical(inner);
        Path b = realOrLexical(outer);
        if (a.startsWith(b)) {
            throw MongoLatestException.user(innerOption + " " + inner + (a.equals(b) ? " is the same folder as "
                    : " lies inside ") + outerOption + " " + outer + ": give folders that do not overlap");
        }
    }

    /**
     * {@link #checkNotInside(String, Path, String, Path)} for locations of any scheme: local folders as there,
     * S3 prefixes of one bucket by their keys; locations of two schemes never overlap.
     */
    public static void checkNotInside(String innerOption, Location inner, String outerOption, Location outer) {
        if (inner instanceof LocalLocation a && outer instanceof LocalLocation b) {
            checkNotInside(innerOption, a.path(), outerOption, b.path());
        } else if (inner instanceof S3Location a && outer instanceof S3Location b && a.bucket().equals(b.bucket())
                && (a.key().equals(b.key()) || a.key().startsWith(b.keyPrefix()))) {
            throw MongoLatestException.user(innerOption + " " + inner + (a.equals(b) ? " is the same prefix as "
                    : " lies inside ") + outerOption + " " + outer + ": give prefixes that do not overlap");
        }
    }

    /**
     * Makes sure the run can write {@code dir}: creates it (private) when missing and writes and removes a
     * probe file, so that a read-only or foreign folder is refused up front, not after the ledger says
     * IN_PROGRESS.
     */
    public static void checkWritable(Path dir, String option) {
        try {
            PrivateFiles.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-probe-", ""));
        } catch (IOException e) {
            throw MongoLatestException.user(option + " " + dir + " cannot be written: " + StorageErrors.reason(e), e);
        }
    }

    /** The path with every existing part's links resolved; the rest as given. */
    static Path realOrLexical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

}
