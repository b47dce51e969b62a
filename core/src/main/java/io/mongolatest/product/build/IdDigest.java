package io.mongolatest.product.build;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 63-bit digest of a canonical id, the same in Java and in DuckDB's SQL ({@link #SQL}): pass 2 checks that
 * each line it reads again still carries its winner's id without holding the ids, eight bytes a line as the
 * positions. Not thread-safe: one per reader.
 */
final class IdDigest {
    /** The digest of the column {@code id}: the last eight bytes of its MD5 read little-endian, less the sign bit. */
    static final String SQL = "CAST(md5_number_lower(id) & 9223372036854775807 AS BIGINT)";

    private final MessageDigest md5;

    IdDigest() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    long of(byte[] id) {
        byte[] d = md5.digest(id);
        long v = 0;
        for (int i = 15; i >= 8; i--) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v & Long.MAX_VALUE;
    }
}
