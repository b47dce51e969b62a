package io.mongolatest.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CommittedTable;
import io.mongolatest.tables.SnapshotInfo;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

/**
 * A database of the product published whole (SPEC §7): its tables' changes committed in one loop, once all their
 * files are written, as one publication, with the tables it no longer has dropped last; then the step's engine
 * session reads each table at its new snapshot.
 *
 * @param committed each table's commit, the dropped ones last
 */
public record DatabaseCommit(String database, String publication, List<CommittedTable> committed) {

    /**
     * Commits {@code changes}, all of tables of {@code database}, and drops the tables the database has now that they
     * do not change, plus {@code alsoGone}; {@code extra} goes into each snapshot's summary.
     */
    public static DatabaseCommit publish(StepContext ctx, String database, List<TableChange> changes,
                                         Set<String> alsoGone, Map<String, String> extra) {
        TableStore tables = ctx.storage().tables();
        Set<String> kept = new LinkedHashSet<>();
        for (TableChange c : changes) {
            if (!c.table().database().equals(database)) {
                throw new IllegalArgumentException(c.table() + " is not a table of " + database);
            }
            kept.add(c.table().table());
        }
        List<String> now = tables.tables(database);
        Set<String> gone = new LinkedHashSet<>(now);
        gone.addAll(alsoGone);
        gone.removeAll(kept);
        List<TableChange> all = new ArrayList<>(changes);
        for (String t : gone) {
            if (now.contains(t)) {
                all.add(tables.drop(new TableName(database, t)));
            }
        }
        long runId = runId(ctx);
        String publication = database + "/" + ctx.params().correlationId() + "/" + runId + "/" + ctx.step().name()
                + "/" + UUID.randomUUID().toString().substring(0, 8);
        SnapshotInfo info = new SnapshotInfo(ctx.params().correlationId(), runId, ctx.params().arguments().date(),
                ctx.step().name(), publication, changes.size(), extra);
        List<CommittedTable> committed = tables.commit(all, info);
        EngineSession engine = ctx.engine();
        Map<TableName, Long> registered = new LinkedHashMap<>();
        committed.forEach(c -> c.snapshotId().ifPresent(id -> registered.put(c.table(), id)));
        engine.registerTables(registered);
        for (String t : gone) {
            engine.dropRelation(database, t);
        }
        return new DatabaseCommit(database, publication, committed);
    }

    /** The names of the tables the commit dropped, as {@code database.table}, in order. */
    public List<String> dropped() {
        return committed.stream().filter(c -> c.snapshotId().isEmpty()).map(c -> c.table().toString()).toList();
    }

    /** The snapshot each table of the database is now at, by table name. */
    public Map<String, Long> snapshots() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        committed.forEach(c -> c.snapshotId().ifPresent(id -> out.put(c.table().table(), id)));
        return out;
    }

    /** The Run_Id of the step's attempt (0 when the ledger has no row for it, as in a step run on its own). */
    static long runId(StepContext ctx) {
        RunKey key = new RunKey(ctx.params().correlationId(), ctx.product().pipeline().dataProduct());
        return ctx.ledgerRows().get().stream().filter(r -> r.key().equals(key)).findFirst().map(LedgerRow::runId)
                .orElse(0L);
    }
}
