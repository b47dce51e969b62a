package io.mongolatest.product;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.warehouse.TableName;
import io.mongolatest.warehouse.Warehouse;

/**
 * {@code publish}: materialises every table and view of {@code uc_mongo_latest} as a Parquet table in
 * {@code ucs_latest_unredacted}, and with only its {@code pii=false} columns in {@code ucs_latest_redacted}
 * (SPEC §7). Each table is swapped in atomically; tables whose source is gone are dropped.
 */
final class Publish implements BuiltinStep {
    static final String KIND = "publish";
    static final String UNREDACTED = "ucs_latest_unredacted";
    static final String REDACTED = "ucs_latest_redacted";

    private final Clock clock;

    Publish(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public StepOutcome run(StepContext ctx) {
        Classification classification = Classification.parse(ctx.product().classification(),
                ctx.product().origin() + "/classification.csv");
        EngineSession engine = ctx.engine();
        Warehouse warehouse = new Warehouse(ctx.params().warehouse(), clock);
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
        for (Map.Entry<String, List<String>> r : relations.entrySet()) {
            if (ctx.cancellation().isCancelled()) {
                throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled before " + r.getKey());
            }
            String name = r.getKey();
            long n = publishUnredacted(engine, warehouse, name);
            unredacted.put(name, n);
            rows += n;
            List<String> columns = classification.publishable(name, r.getValue());
            if (columns.isEmpty()) {
                withheld.add(name);
                continue;
            }
            rows += materialise(engine, warehouse, new TableName(REDACTED, name),
                    "SELECT " + String.join(", ", columns) + " FROM " + source(name));
            redacted.put(name, columns);
            ctx.progress(name + ": " + n + " rows; redacted: " + columns.size() + " of " + r.getValue().size()
                    + " columns");
        }
        if (!withheld.isEmpty()) {
            ctx.listener().warning("not published redacted, no column classified pii=false: " + withheld);
        }
        List<String> dropped = new ArrayList<>();
        dropped.addAll(dropOthers(engine, warehouse, UNREDACTED, unredacted.keySet()));
        dropped.addAll(dropOthers(engine, warehouse, REDACTED, redacted.keySet()));
        return new StepOutcome(rows, new PublishReport(unredacted, redacted, withheld, unknown, dropped).toJson());
    }

    private static String source(String name) {
        return CollectionKey.LATEST_DATABASE + "." + name;
    }

    /** A latest table is published as links to its files; a view is computed. */
    private static long publishUnredacted(EngineSession engine, Warehouse warehouse, String name) {
        TableName target = new TableName(UNREDACTED, name);
        Optional<Path> linked = warehouse.linkedVersion(new TableName(CollectionKey.LATEST_DATABASE, name), target);
        if (linked.isEmpty()) {
            return materialise(engine, warehouse, target, "SELECT * FROM " + source(name));
        }
        try {
            warehouse.publish(target, linked.get());
            engine.registerParquetTable(target.database(), target.table(), warehouse.tablePath(target));
            return ((Number) engine.query("SELECT count(*) FROM " + target).single()).longValue();
        } finally {
            warehouse.removeUnusedVersions(target);
        }
    }

    private static long materialise(EngineSession engine, Warehouse warehouse, TableName table, String select) {
        Path version = warehouse.newVersion(table);
        try {
            long rows = engine.writeParquet(select, version);
            warehouse.publish(table, version);
            engine.registerParquetTable(table.database(), table.table(), warehouse.tablePath(table));
            return rows;
        } finally {
            warehouse.removeUnusedVersions(table);
        }
    }

    private static List<String> dropOthers(EngineSession engine, Warehouse warehouse, String database,
                                           Set<String> keep) {
        Set<String> gone = new TreeSet<>();
        warehouse.tables().stream().filter(t -> t.database().equals(database) && !keep.contains(t.table()))
                .forEach(t -> gone.add(t.table()));
        engine.relations(database).stream().filter(n -> !keep.contains(n)).forEach(gone::add);
        List<String> out = new ArrayList<>();
        for (String name : gone) {
            engine.dropRelation(database, name);
            if (TableName.isValidPart(name)) {
                warehouse.drop(new TableName(database, name));
            }
            out.add(database + "." + name);
        }
        return out;
    }
}
