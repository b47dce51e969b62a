package io.mongolatest.engine.spark;

import java.io.Serializable;

/**
 * What pass 2 found for one file: the ids whose winning version is in it, how many of them are removals (not
 * written), and the rows written.
 */
record ChosenCounts(long ids, long removed, long rows) implements Serializable {
    static final ChosenCounts ZERO = new ChosenCounts(0, 0, 0);

    ChosenCounts plus(ChosenCounts o) {
        return new ChosenCounts(ids + o.ids, removed + o.removed, rows + o.rows);
    }
}
