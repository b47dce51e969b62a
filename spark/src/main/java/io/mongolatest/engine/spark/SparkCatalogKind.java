package io.mongolatest.engine.spark;

import io.mongolatest.MongoLatestException;

/** Where Spark keeps its catalog ({@code --spark-catalog}, Spark's {@code spark.sql.catalogImplementation}). */
enum SparkCatalogKind {
    /** In the process, made from the warehouse by each session: the default ({@code --spark-catalog none}). */
    IN_MEMORY("in-memory"),
    /** A Hive metastore (Derby, a metastore service, or the Glue Data Catalog on EMR), shared and lasting. */
    HIVE("hive");

    private final String label;

    SparkCatalogKind(String label) {
        this.label = label;
    }

    /** The kind {@code value} names; null is the default. */
    static SparkCatalogKind of(String value) {
        if (value == null || value.equals(IN_MEMORY.label)) {
            return IN_MEMORY;
        }
        if (value.equals(HIVE.label)) {
            return HIVE;
        }
        throw MongoLatestException.user("invalid --spark-catalog '" + value + "': expected hive or none");
    }

    String label() {
        return label;
    }

    /** Refuses, as a user error before anything is written, a Hive catalog without Spark's Hive support. */
    void check() {
        if (this == HIVE && !hiveSupport()) {
            throw MongoLatestException.user("--spark-catalog hive needs Spark's Hive support (spark-hive_2.13), which"
                    + " this Spark class path lacks: EMR's Spark has it; here use --spark-catalog none");
        }
    }

    private static boolean hiveSupport() {
        try {
            Class.forName("org.apache.spark.sql.hive.HiveSessionStateBuilder", false,
                    SparkCatalogKind.class.getClassLoader());
            Class.forName("org.apache.hadoop.hive.conf.HiveConf", false, SparkCatalogKind.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
