package io.mongolatest.engine;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import io.mongolatest.MongoLatestException;

/**
 * The SQL engines on the class path, found by {@link ServiceLoader} ({@code META-INF/services}), so that
 * nothing names an engine class: the default jar has DuckDB; the Spark module adds Spark.
 */
public final class Engines {
    /** The engine when none is named ({@code --engine}): the embedded one every build has. */
    public static final String DEFAULT_ENGINE = "duckdb";

    private Engines() {
    }

    /** The engine called {@code name} ({@code --engine}); a user error listing the engines there are, else. */
    public static SqlEngine named(String name) {
        Map<String, SqlEngine> all = all();
        SqlEngine e = all.get(name);
        if (e == null) {
            throw MongoLatestException.user("unknown engine '" + name + "': this build has "
                    + String.join(", ", all.keySet()));
        }
        return e;
    }

    public static Map<String, SqlEngine> all() {
        Map<String, SqlEngine> out = new TreeMap<>();
        for (SqlEngine e : ServiceLoader.load(SqlEngine.class, Engines.class.getClassLoader())) {
            out.putIfAbsent(e.name(), e);
        }
        return out;
    }
}
