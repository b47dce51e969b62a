package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import org.apache.spark.sql.Row;

import scala.Tuple2;

/**
 * A version chosen as latest, not a removal, on its way to the task of its file: its id, version time and
 * created time (microseconds; created null when the document has none).
 */
record ChosenVersion(byte[] id, long ts, Long created) implements Serializable {
    ChosenVersion {
        requireNonNull(id, "id is null");
    }

    /** From a winner's {@code pos, id, ts, created, ...}: keyed by position, which says file and line. */
    static Tuple2<Long, ChosenVersion> of(Row winner) {
        return new Tuple2<>(winner.getLong(0), new ChosenVersion((byte[]) winner.get(1), winner.getLong(2),
                winner.isNullAt(3) ? null : winner.getLong(3)));
    }
}
