package io.mongolatest.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.Engines;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunnerIdentity;
import io.mongolatest.metrics.PushgatewayMetrics;
import io.mongolatest.metrics.PushgatewaySettings;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.RunStorage;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.product.MongoArguments;
import io.mongolatest.product.MongoLatestProduct;
import io.mongolatest.storage.FolderChecks;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Locations;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;

/**
 * Turns the options of {@code run}, {@code step} and {@code plan} into the core's run spec and parts, every
 * value checked before anything is written; closes what it opened.
 */
final class RunWiring implements AutoCloseable {
    final RunSpec spec;
    final RunParts parts;
    /** The files the product was loaded from. */
    final ProductFiles productFiles;
    private final Storages storages;

    /** What the wiring is for: what must be checked and opened differs. */
    enum Purpose {
        /** {@code run} and {@code step}: the engine runs here, the warehouse is written. */
        RUN,
        /** {@code plan}: nothing is created. */
        PLAN,
        /** {@code launch}: the run is taken here and runs on a cluster, whose engine reaches the warehouse. */
        LAUNCH
    }

    private RunWiring(CommonOptions common, LedgerOptions ledgerOptions, RunSpecOptions options, Clock clock,
                      Purpose purpose, RunnerIdentity identity) {
        boolean writes = purpose != Purpose.PLAN;
        Path stateDir = common.stateDir();
        Described d = describe(common, ledgerOptions, options, clock, purpose != Purpose.LAUNCH);
        Location input = d.spec().params().input();
        Location warehouse = d.spec().params().warehouse();
        this.productFiles = d.productFiles();
        SqlEngine engine = d.engine();
        StorageSettings storageSettings = d.storageSettings();
        Storages storages = d.storages();
        boolean launch = purpose == Purpose.LAUNCH;
        if (!launch) {
            engine.checkWarehouse(warehouse);
        }
        // Where the engine keeps its own files: the warehouse folder, or one of the state folder for S3.
        Path engineFolder = Storages.engineFolder(warehouse, stateDir);
        if (!launch) {
            engine.checkWarehouse(LocalLocation.of(engineFolder));
        }
        EngineSettings engineSettings = new EngineSettings(engineFolder,
                DataSize.parse(options.memory),
                stateDir.resolve("spill"), options.threads, false, options.engineProperties(), storageSettings);
        storages.checkAccess(input, "--input", false);
        checkFolders(input, warehouse, stateDir, purpose == Purpose.RUN);
        // A launch only looks: the cluster writes, with its own role.
        storages.checkAccess(warehouse, "--warehouse", purpose == Purpose.RUN);
        StatusMetrics metrics = options.pushgateway == null || options.pushgateway.isBlank() ? StatusMetrics.none()
                : new PushgatewayMetrics(PushgatewaySettings.from(options.pushgateway, options.pushgatewayAuthFile,
                System.getenv()));
        RunLedger ledger = writes ? ledgerOptions.open(stateDir) : ledgerOptions.openExisting(stateDir);
        TableStore store = launch
                ? TableStores.unopened(storages, warehouse, d.catalog(), options.catalog.endpoints(ledgerOptions.dynamoDbEndpoint))
                : TableStores.open(storages, warehouse, d.catalog(), options.catalog.endpoints(ledgerOptions.dynamoDbEndpoint));
        // A step's scratch files go on the warehouse's disk when it is local, else into the state folder.
        Path scratch = warehouse instanceof LocalLocation l ? l.path() : stateDir.resolve("tmp");
        this.storages = storages;
        this.spec = d.spec();
        this.parts = new RunParts(ledger, engine, engineSettings, metrics,
                new RunStorage(storages.input(input), store, scratch, storageSettings), clock, identity);
    }

    /** A run as its options describe it, every value checked; nothing is opened, created or reached. */
    private record Described(RunSpec spec, ProductFiles productFiles, SqlEngine engine, StorageSettings storageSettings,
                             Storages storages, CatalogSpec catalog) {
    }

    /** @param engineHere whether the engine runs in this process; a launch's runs in the cluster's steps */
    private static Described describe(CommonOptions common, LedgerOptions ledgerOptions, RunSpecOptions options,
                                      Clock clock, boolean engineHere) {
        Path stateDir = common.stateDir();
        if (options.input == null) {
            throw MongoLatestException.user("--input DIR is required: the root of the snapshot export");
        }
        Location input = Locations.parse(options.input, "--input");
        Location warehouse = options.warehouse != null ? Locations.parse(options.warehouse, "--warehouse")
                : LocalLocation.of(stateDir.resolve("warehouse"));
        RunParameters params = MongoArguments.params(RunParameters.checkCorrelationId(options.correlationId),
                MongoArguments.parseExportDate(options.exportDate, LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                SnapshotType.parse(options.snapshotType), input, warehouse);
        ledgerOptions.location();
        ProductLogic logic = new MongoLatestProduct();
        ProductFiles productFiles = options.product == null ? ProductFiles.bundled()
                : ProductFiles.fromDirectory(options.product);
        ProductPackage product = ProductPackage.load(productFiles, logic);
        RunOptions runOptions = new RunOptions(options.leaseTtl, options.pushgatewayGrace,
                options.pushgatewayWipe == RunSpecOptions.WipeMode.global, options.maxBadFraction,
                options.fullRebuild, options.warehouseWait);
        SqlEngine engine = Engines.named(options.engine);
        if (engineHere) {
            // A cluster's steps run Spark, which checks its own settings before its first step writes anything.
            engine.checkProperties(options.engineProperties());
        }
        StorageSettings storageSettings = StorageSettings.of(options.s3Endpoint);
        Storages storages = Storages.load(storageSettings);
        storages.check(input, "--input");
        storages.check(warehouse, "--warehouse");
        CatalogSpec catalog = options.catalog.spec(warehouse);
        if (!engineHere && catalog.kind() == CatalogSpec.Kind.SQLITE) {
            throw MongoLatestException.user("--catalog " + catalog + ": a cluster's steps cannot reach a SQLite file on"
                    + " this machine; give --catalog glue, dynamodb:TABLE or rest:URL");
        }
        options.catalog.endpoints(ledgerOptions.dynamoDbEndpoint);
        return new Described(new RunSpec(product, logic, params, runOptions), productFiles, engine, storageSettings,
                storages, catalog);
    }

    /** What a launch would take, from the options alone ({@code launch --dry-run}, {@code --explain}). */
    record Preview(RunSpec spec, ProductFiles productFiles) {
    }

    static Preview preview(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        Described d = describe(common, ledger, spec, clock, false);
        d.storages().close();
        return new Preview(d.spec(), d.productFiles());
    }

    /** The run writes into the warehouse and the state folder, never into the export. */
    private static void checkFolders(Location input, Location warehouse, Path stateDir, boolean writes) {
        FolderChecks.checkNotInside("--warehouse", warehouse, "--input", input);
        FolderChecks.checkNotInside("--input", input, "--warehouse", warehouse);
        if (input instanceof LocalLocation in) {
            FolderChecks.checkNotInside("--state-dir", stateDir, "--input", in.path());
        }
        if (writes && warehouse instanceof LocalLocation wh) {
            FolderChecks.checkWritable(wh.path(), "--warehouse");
        }
    }

    /** The parts of a run that will write: the warehouse must be writable, the ledger is created if missing. */
    static RunWiring forRun(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        return forRun(common, ledger, spec, clock, LeaseOwner.current());
    }

    /** The same, for a process that runs as {@code identity} (e.g. a step of a cluster). */
    static RunWiring forRun(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock,
                            RunnerIdentity identity) {
        return new RunWiring(common, ledger, spec, clock, Purpose.RUN, identity);
    }

    /** The parts of a run, to look at only ({@code plan}): nothing is created. */
    static RunWiring forPlan(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        return new RunWiring(common, ledger, spec, clock, Purpose.PLAN, LeaseOwner.current());
    }

    /** The parts of a run that a cluster will run: taken here, run there. */
    static RunWiring forLaunch(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        return new RunWiring(common, ledger, spec, clock, Purpose.LAUNCH, LeaseOwner.current());
    }

    @Override
    public void close() {
        try {
            parts.metrics().close();
        } finally {
            try {
                parts.ledger().close();
            } finally {
                try {
                    parts.storage().tables().close();
                } finally {
                    storages.close();
                }
            }
        }
    }
}
