package io.mongolatest.engine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Spark per test JVM, for every test that takes a {@link SparkSession} parameter: started on first
 * use, stopped after the last test. Local with two task threads, or the standalone cluster of
 * {@link StandaloneSparkCluster} when the test class runs one.
 */
public final class SharedSpark implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSpark.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(Running.class, k -> Running.start(StandaloneSparkCluster.running(context)),
                Running.class).spark();
    }

    /** The running Spark and the folder it keeps its files in. */
    record Running(SparkSession spark, Path dir) implements AutoCloseable {
        static Running start(StandaloneSparkCluster.Running cluster) {
            Path dir;
            try {
                dir = Files.createTempDirectory("mongo-latest-spark-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SparkSettings settings = cluster == null
                    ? new SparkSettings("local[2]", "mongo-latest-tests", Map.of())
                    : cluster.settings("mongo-latest-cluster-tests", dir);
            long start = System.nanoTime();
            SparkSession spark = SparkSessions.open(settings, dir);
            // For the record of what the tests cost (the test output files).
            System.out.printf("Spark %s started in %d ms%n", settings.master(), (System.nanoTime() - start) / 1_000_000);
            return new Running(spark, dir);
        }

        @Override
        public void close() {
            spark.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary folder is not worth failing the tests for.
            }
        }
    }
}
