package io.mongolatest.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mongolatest.sizing.Classification;

/**
 * Which EMR application each configuration classification configures. EMR rejects a RunJobFlow whose
 * classification its release does not know ({@code ValidationException: Classification '...' is not valid}),
 * and {@code emr-spark-8.0.0} has no Hive and no Tez: a classification is sent only when the profile installs
 * its application. Hadoop, YARN and EMRFS are on every cluster.
 */
final class Classifications {
    static final String ALWAYS = "Hadoop";
    static final String ICEBERG = "iceberg-defaults";

    private static final Map<String, String> APPLICATION = known();

    private Classifications() {
    }

    private static Map<String, String> known() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : new String[] {"core-site", "hdfs-site", "mapred-site", "yarn-site", "yarn-env",
                "hadoop-env", "hadoop-log4j", "capacity-scheduler", "container-executor", "emrfs-site"}) {
            m.put(c, ALWAYS);
        }
        for (String c : new String[] {"spark", "spark-defaults", "spark-env", "spark-hive-site", "spark-log4j2",
                "spark-metrics"}) {
            m.put(c, ClusterSettings.SPARK);
        }
        for (String c : new String[] {"hive", "hive-site", "hive-env"}) {
            m.put(c, "Hive");
        }
        // EMR's own Iceberg, for Spark: on emr-6.5 to 7.x (and, by its release guide, emr-spark-8.0.0) a classification
        // of its own rather than an application to install.
        m.put(ICEBERG, ClusterSettings.SPARK);
        m.put("tez-site", "Tez");
        m.put("livy-conf", "Livy");
        m.put("livy-env", "Livy");
        return Map.copyOf(m);
    }

    static Set<String> names() {
        return APPLICATION.keySet();
    }

    /** The application {@code classification} configures, or empty when this tool does not know it. */
    static Optional<String> application(String classification) {
        return Optional.ofNullable(APPLICATION.get(classification));
    }

    /** Whether a cluster installing {@code settings}' applications takes this classification. */
    static boolean applies(String classification, ClusterSettings settings) {
        return application(classification).map(a -> a.equals(ALWAYS) || settings.installs(a)).orElse(false);
    }

    static boolean applies(Classification computed, ClusterSettings settings) {
        return applies(computed.emrName(), settings);
    }
}
