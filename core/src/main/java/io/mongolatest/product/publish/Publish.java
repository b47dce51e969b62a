package io.mongolatest.product.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.DatabaseCommit;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.Publications;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

/**
 * {@code publish}: materialises every table and view of {@code uc_mongo_latest} as a Parquet table in
 * {@code ucs_latest_unredacted}, and with only its {@code pii=false} columns in {@code ucs_latest_redacted}
 * (SPEC §7). Each database is committed as one publication once all its files are written; tables whose source is
 * gone are dropped.
 */
public final class Publish implements BuiltinStep {
    public static final String KIND = "publish";
    public static final String UNREDACTED = "ucs_latest_unredacted";
    public static final String REDACTED = "ucs_latest_redacted";


    @Override
    public StepOutcome run(StepContext ctx) {
        Classification classification = Classification.parse(ctx.product().classification(),
                ctx.product().origin() + "/classification.csv");
        EngineSession engine = ctx.engine();
        TableStore tables = ctx.storage().tables();
        Map<String, List<String>> relations = new LinkedHashMap<>();
        for (String name : engine.relations(CollectionKey.LATEST_DATABASE)) {
            if (!TableName.isValidPart(name)) {
                ctx.listener().warning("not publishing " + CollectionKey.LATEST_DATABASE + "." + name
                        + ": a published name must match [a-z][a-z0-9_]*");
                continue;
            }
            relations.put(name, engine.query("SELECT * FROM " + source(name) + " LIMIT 0").columns());
        }
        List<String> unknown = classification.unknownEntries(relations);
        if (!unknown.isEmpty()) {
            ctx.listener().warning("classification.csv names what the product does not have: " + unknown);
        }
        Map<String, Long> unredacted = new LinkedHashMap<>();
        Map<String, List<String>> redacted = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        long rows = 0;
        List<String> dropped = new ArrayList<>();
        // Each published database is committed as one publication: readers never see two exports mixed.
        Map<String, Long> latest = Publications.readable(tables, CollectionKey.LATEST_DATABASE);
        List<TableChange> unredactedTables = new ArrayList<>();
        for (String name : relations.keySet()) {
            checkNotCancelled(ctx, name);
            TableName to = new TableName(UNREDACTED, name);
            Long shared = latest.get(name);
            // A latest table is published as the very same files; a view is computed once.
            unredactedTables.add(shared != null ? tables.shareOf(to, new TableName(CollectionKey.LATEST_DATABASE, name),
                    shared) : engine.writeTable(to, "SELECT * FROM " + source(name)));
        }
        DatabaseCommit published = DatabaseCommit.publish(ctx, UNREDACTED, unredactedTables,
                new TreeSet<>(engine.relations(UNREDACTED)), Map.of());
        dropped.addAll(published.dropped());
        for (TableChange t : unredactedTables) {
            unredacted.put(t.table().table(), t.rows());
            rows += t.rows();
        }
        Map<String, Long> at = published.snapshots();
        List<TableChange> redactedTables = new ArrayList<>();
        for (Map.Entry<String, List<String>> r : relations.entrySet()) {
            String name = r.getKey();
            checkNotCancelled(ctx, name);
            List<String> columns = classification.publishable(name, r.getValue());
            if (columns.isEmpty()) {
                withheld.add(name);
                continue;
            }
            TableName to = new TableName(REDACTED, name);
            TableName from = new TableName(UNREDACTED, name);
            TableChange change = columns.equals(r.getValue())
                    // Nothing to withhold: the redacted table is the unredacted one's very files.
                    ? tables.shareOf(to, from, at.get(name))
                    : engine.writeTable(to, "SELECT " + String.join(", ", columns) + " FROM " + from);
            rows += change.rows();
            redactedTables.add(change);
            redacted.put(name, columns);
            ctx.progress(name + ": " + unredacted.get(name) + " rows; redacted: " + columns.size() + " of "
                    + r.getValue().size() + " columns");
        }
        dropped.addAll(DatabaseCommit.publish(ctx, REDACTED, redactedTables, new TreeSet<>(engine.relations(REDACTED)),
                Map.of()).dropped());
        if (!withheld.isEmpty()) {
            ctx.listener().warning("not published redacted, no column classified pii=false: " + withheld);
        }
        return new StepOutcome(rows, new PublishReport(unredacted, redacted, withheld, unknown, dropped).toJson());
    }

    private static void checkNotCancelled(StepContext ctx, String next) {
        if (ctx.cancellation().isCancelled()) {
            throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled before " + next);
        }
    }

    private static String source(String name) {
        return CollectionKey.LATEST_DATABASE + "." + name;
    }
}
