package io.mongolatest.engine;

import java.util.Map;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableStore;

/** An engine capability: read-only sessions over published tables (the {@code query} command). */
public interface ReadOnlySessions {

    /**
     * A session that reads {@code tables} of {@code store}, each at its snapshot, and nothing else, usable while a
     * run is writing the warehouse. Statements other than queries fail with a user error.
     */
    EngineSession openReader(EngineSettings settings, TableStore store, Map<TableName, Long> tables);
}
