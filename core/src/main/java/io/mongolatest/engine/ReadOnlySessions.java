package io.mongolatest.engine;

import java.util.List;

/** An engine capability: read-only sessions over published tables (the {@code query} command). */
public interface ReadOnlySessions {

    /**
     * A session that reads {@code tables} and nothing else, usable while a run holds the warehouse's catalog.
     * Statements other than queries fail with a user error.
     */
    EngineSession openReader(EngineSettings settings, List<ParquetTable> tables);
}
