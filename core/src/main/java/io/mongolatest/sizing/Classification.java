package io.mongolatest.sizing;

/** The EMR configuration classifications this tool writes, in the order it writes them. */
public enum Classification {
    YARN_SITE("yarn-site"),
    TEZ_SITE("tez-site"),
    HIVE_SITE("hive-site"),
    SPARK_DEFAULTS("spark-defaults");

    private final String emrName;

    Classification(String emrName) {
        this.emrName = emrName;
    }

    /** The name EMR expects in a configuration's {@code Classification} field. */
    public String emrName() {
        return emrName;
    }
}
