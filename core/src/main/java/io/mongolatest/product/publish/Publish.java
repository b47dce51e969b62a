package io.mongolatest.product.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.input.CollectionKey;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * {@code publish}: materialises every table and view of {@code uc_mongo_latest} as a Parquet table in
 * {@code ucs_latest_unredacted}, and with only its {@code pii=false} columns in {@code ucs_latest_redacted}
 * (SPEC §7). Each table is swapped in atomically; tables whose source is gone are dropped.
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
        Warehouse warehouse = ctx.storage().warehouse();
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
        try {
            // Each published database is one version swapped in whole: readers never see two exports mixed.
            Map<String, TableVersion> latest = warehouse.current(CollectionKey.LATEST_DATABASE);
            Map<String, TableVersion> unredactedTables = new LinkedHashMap<>();
            for (String name : relations.keySet()) {
                checkNotCancelled(ctx, name);
                TableVersion shared = latest.get(name);
                // A latest table is published as the very same files; a view is computed once.
                unredactedTables.put(name, shared != null ? shared
                        : write(engine, warehouse, new TableName(UNREDACTED, name), "SELECT * FROM " + source(name)));
            }
            dropped.addAll(swap(engine, warehouse, UNREDACTED, unredactedTables));
            for (String name : relations.keySet()) {
                long n = ((Number) engine.query("SELECT count(*) FROM " + new TableName(UNREDACTED, name)).single())
                        .longValue();
                unredacted.put(name, n);
                rows += n;
            }
            Map<String, TableVersion> redactedTables = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> r : relations.entrySet()) {
                String name = r.getKey();
                checkNotCancelled(ctx, name);
                List<String> columns = classification.publishable(name, r.getValue());
                if (columns.isEmpty()) {
                    withheld.add(name);
                    continue;
                }
                if (columns.equals(r.getValue())) {
                    // Nothing to withhold: the redacted table is the unredacted one's very version.
                    rows += unredacted.get(name);
                    redactedTables.put(name, unredactedTables.get(name));
                } else {
                    TableVersion v = warehouse.newVersion(new TableName(REDACTED, name));
                    rows += engine.writeParquet("SELECT " + String.join(", ", columns) + " FROM "
                            + new TableName(UNREDACTED, name), v.location());
                    redactedTables.put(name, v);
                }
                redacted.put(name, columns);
                ctx.progress(name + ": " + unredacted.get(name) + " rows; redacted: " + columns.size() + " of "
                        + r.getValue().size() + " columns");
            }
            dropped.addAll(swap(engine, warehouse, REDACTED, redactedTables));
        } finally {
            warehouse.discardPending();
        }
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

    private static TableVersion write(EngineSession engine, Warehouse warehouse, TableName table, String select) {
        TableVersion v = warehouse.newVersion(table);
        engine.writeParquet(select, v.location());
        return v;
    }

    /**
     * Makes {@code tables} the whole of {@code database} in one swap, then points the catalog at them and
     * drops what the database no longer has; returns the dropped names.
     */
    private static List<String> swap(EngineSession engine, Warehouse warehouse, String database,
                                      Map<String, TableVersion> tables) {
        Set<String> gone = new TreeSet<>(warehouse.current(database).keySet());
        engine.relations(database).forEach(gone::add);
        gone.removeAll(tables.keySet());
        warehouse.commit(database, tables);
        for (String name : tables.keySet()) {
            TableName t = new TableName(database, name);
            engine.registerParquetTable(database, name, warehouse.tableLocation(t));
        }
        List<String> out = new ArrayList<>();
        for (String name : gone) {
            engine.dropRelation(database, name);
            out.add(database + "." + name);
        }
        return out;
    }
}
