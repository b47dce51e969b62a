package io.mongolatest.product.synthetic;

/**
 * One version of a synthetic record.
 *
 * @param snapshot  index of the snapshot it is written to (0 is the full one)
 * @param epochMillis its {@code _lastModifiedDateTime}
 * @param removal   0: a normal document; 1: {@code _removedDateTime}; 2: {@code _removed}; 3: {@code @type MONGO_DELETE}
 */
record Version(int snapshot, long epochMillis, int removal) {
}
