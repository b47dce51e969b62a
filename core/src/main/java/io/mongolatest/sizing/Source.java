package io.mongolatest.sizing;

/** A published guide a sizing rule follows; {@code --explain} and docs/sizing.md cite it by tag. */
public enum Source {
    EMR_DEFAULTS("emr-defaults", "Amazon EMR Release Guide, Task configuration (default YARN settings per instance type)",
            "https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hadoop-task-config.html"),
    HDP_MEMORY("hdp-memory", "Hortonworks HDP, Determine HDP Memory Configuration Settings (reserved memory)",
            "https://docs.cloudera.com/HDPDocuments/HDP2/HDP-2.6.5/bk_command-line-installation/content/determine-hdp-memory-config.html"),
    TEZ_MEMORY("tez-memory", "Cloudera Community, Demystify Apache Tez Memory Tuning - Step by Step",
            "https://community.cloudera.com/t5/Community-Articles/Demystify-Apache-Tez-Memory-Tuning-Step-by-Step/ta-p/245279"),
    HIVE_SESSIONS("hive-sessions", "Cloudera Community, Hive - Understanding concurrent sessions queue allocation",
            "https://community.cloudera.com/t5/Community-Articles/Hive-Understanding-concurrent-sessions-queue-allocation/ta-p/247407"),
    HIVE_REDUCERS("hive-reducers", "Cloudera Community, Hive on Tez Performance Tuning - Determining Reducer Counts",
            "https://community.cloudera.com/t5/Community-Articles/Hive-on-Tez-Performance-Tuning-Determining-Reducer-Counts/ta-p/245680"),
    TEZ_PARALLELISM("tez-parallelism", "Apache Tez wiki, How initial task parallelism works",
            "https://cwiki.apache.org/confluence/display/TEZ/How+initial+task+parallelism+works"),
    MAPREDUCE_TUTORIAL("mapreduce-tutorial", "Apache Hadoop, MapReduce Tutorial (how many reduces: 0.95 or 1.75)",
            "https://hadoop.apache.org/docs/stable/hadoop-mapreduce-client/hadoop-mapreduce-client-core/MapReduceTutorial.html"),
    SPARK_ON_EMR("spark-on-emr", "AWS Big Data Blog, Best practices for managing memory for Apache Spark on Amazon EMR",
            "https://aws.amazon.com/blogs/big-data/best-practices-for-successfully-managing-memory-for-apache-spark-applications-on-amazon-emr/");

    private final String tag;
    private final String title;
    private final String url;

    Source(String tag, String title, String url) {
        this.tag = tag;
        this.title = title;
        this.url = url;
    }

    public String tag() {
        return tag;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }
}
