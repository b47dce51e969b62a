package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.RelativePaths;
import io.mongolatest.storage.StoredObject;

import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An export below an S3 prefix. An object's identity is its ETag, so a retry notices an object replaced with
 * other bytes even when its size stayed. Reading an object pins the ETag it was listed with: an object
 * replaced or deleted since the listing fails with one line naming it, never gives other bytes.
 */
public final class S3InputStore implements InputStore {
    private final S3Objects objects;
    private final S3Location root;

    public S3InputStore(S3Objects objects, S3Location root) {
        this.objects = requireNonNull(objects, "objects is null");
        this.root = requireNonNull(root, "root is null");
    }

    @Override
    public S3Location root() {
        return root;
    }

    /**
     * Every object below the root, sorted by relative path. Console "folders" (empty keys ending in a
     * slash) hold no data and are left out; a key that is no plain relative path ({@code a//b}) is refused.
     */
    @Override
    public List<StoredObject> list() {
        List<StoredObject> out = new ArrayList<>();
        for (S3ObjectInfo o : objects.list(root)) {
            String relative = o.keyBelow(root);
            if (relative.isEmpty() || relative.endsWith("/") && o.size() == 0) {
                continue;
            }
            try {
                RelativePaths.segments(relative);
            } catch (IllegalArgumentException e) {
                throw MongoLatestException.user("input object " + o.uri() + " has a key that is no plain path"
                        + " below " + root + ": rename it or move it out of the export");
            }
            out.add(new StoredObject(relative, o.size(), o.etag()));
        }
        if (out.isEmpty()) {
            boolean isObject = !root.key().isEmpty() && objects.head(root).isPresent();
            throw MongoLatestException.user(isObject ? "--input " + root + " is an object: give the prefix that"
                    + " holds full/ and incremental/" : "input " + root + " does not exist: no objects below it");
        }
        // S3 sorts keys by their UTF-8 bytes; the contract sorts by the path as text.
        out.sort(Comparator.comparing(StoredObject::relativePath));
        return out;
    }

    @Override
    public Optional<StoredObject> stat(StoredObject object) {
        return objects.head(root.resolve(object.relativePath()))
                .map(o -> new StoredObject(object.relativePath(), o.size(), o.etag()));
    }

    @Override
    public InputStream open(StoredObject object) {
        S3Location at = root.resolve(object.relativePath());
        try {
            return objects.open(new S3ObjectInfo(at.bucket(), at.key(), object.size(), object.identity()));
        } catch (MongoLatestException e) {
            if (e.getCause() instanceof S3Exception s3) {
                String code = S3Errors.errorCode(s3);
                if ("NoSuchKey".equals(code) || s3.statusCode() == 404 && !"NoSuchBucket".equals(code)) {
                    throw MongoLatestException.user("input object " + at + " disappeared during the run", e);
                }
                if (s3.statusCode() == 412) {
                    throw MongoLatestException.user("input object " + at + " changed during the run (its ETag is"
                            + " no longer " + object.identity() + "): run again to read the new export", e);
                }
            }
            throw e;
        }
    }
}
