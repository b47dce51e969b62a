package io.mongolatest.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.mongolatest.DataSize;
import io.mongolatest.ExitCode;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.Engines;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.engine.TimedQuery;
import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.latest.KeptState;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Locations;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query over the warehouse's published tables (database.table, e.g. "
                + "ucs_latest_redacted.statement_fact_v). Works while a run is in progress."})
final class QueryCommand implements Callable<Integer>, ReadCommand {
    @Mixin(name = "common")
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "The warehouse: a folder, or s3://bucket/prefix (the files its tables read are copied into"
                    + " the state folder once).")
    String warehouse;

    @Mixin
    CatalogOptions catalog = new CatalogOptions();

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "With --catalog dynamodb:TABLE: a DynamoDB-compatible endpoint to use instead of AWS's.")
    String dynamoDbEndpoint;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible store to use for s3:// locations instead of AWS S3.")
    String s3Endpoint;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    ResultFormat format;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = EngineSettings.DEFAULT_MEMORY_LIMIT_TEXT,
            description = "Memory for the query before it spills to disk, e.g. 4GiB. Default: ${DEFAULT-VALUE}.")
    String memory;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long the query may run before it is stopped (one line, exit 2), e.g. 90s, 10m."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Parameters(index = "0", paramLabel = "SQL", description = "A single SELECT (or DESCRIBE, SUMMARIZE) statement.")
    String sql;

    @Override
    public Integer call() {
        TimedQuery limit = new TimedQuery(timeout);
        Location location = Locations.parse(warehouse, "--warehouse");
        if (location instanceof LocalLocation local && !Files.isDirectory(local.path())) {
            throw MongoLatestException.user("no warehouse at " + local);
        }
        SqlEngine duckdb = Engines.named(Engines.DEFAULT_ENGINE);
        QueryResult result;
        try (Storages storages = Storages.load(StorageSettings.of(s3Endpoint))) {
            storages.check(location, "--warehouse");
            storages.checkAccess(location, "--warehouse", false);
            EngineSettings settings = new EngineSettings(Storages.engineFolder(location, common.stateDir()),
                    DataSize.parse(memory), common.stateDir().resolve("tmp"), 0, true);
            try (TableStore tables = TableStores.open(storages, location, catalog.spec(location),
                    catalog.endpoints(dynamoDbEndpoint));
                 EngineSession session = WarehouseReader.open(duckdb, settings, tables, KeptState::published)) {
                result = limit.run(session, sql);
            }
        }
        format.print(result, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCode.SUCCESS.code();
    }
}
