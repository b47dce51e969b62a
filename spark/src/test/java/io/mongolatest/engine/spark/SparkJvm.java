package io.mongolatest.engine.spark;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What a child JVM that runs Spark needs of its command line, as this test JVM was given it. */
public final class SparkJvm {
    private SparkJvm() {
    }

    /** The {@code --add-opens} and similar options this JVM runs with, which Spark 4 needs on Java 17. */
    public static List<String> moduleOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }
}
