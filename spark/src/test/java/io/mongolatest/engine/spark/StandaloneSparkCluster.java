package io.mongolatest.engine.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Spark standalone cluster on 127.0.0.1 for the tests of a class: one master and one worker, child JVMs
 * started from the Maven jars (target/spark-jars as {@code $SPARK_HOME/jars}), on ports they choose
 * themselves. Started once per test JVM, stopped after its last test; {@link SharedSpark} then runs its
 * Spark on this cluster, with this project's classes shipped to the executors.
 */
public final class StandaloneSparkCluster implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StandaloneSparkCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern REGISTERED = Pattern.compile("Successfully registered with master");

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The cluster the tests run, or null when none was started. */
    static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(Running.class, Running.class);
    }

    /** The running master and worker, and the folder that is their {@code $SPARK_HOME}. */
    record Running(String masterUrl, Path home, SparkDaemon master, SparkDaemon worker) implements AutoCloseable {
        static Running start() {
            Path home = sparkHome();
            Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
                    "SPARK_LOCAL_IP", "127.0.0.1");
            String classpath = home.resolve("conf") + ":" + home.resolve("jars") + "/*:" + launcherClasses();
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dlogback.configurationFile="
                    + home.resolve("conf/logback.xml")));
            jvm.addAll(SparkJvm.moduleOptions());
            SparkDaemon master = SparkDaemon.start("master", jvm, classpath, env,
                    "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
            SparkDaemon worker = null;
            try {
                String url = master.await(MASTER_URL, START_TIMEOUT);
                worker = SparkDaemon.start("worker", jvm, classpath, env, "org.apache.spark.deploy.worker.Worker",
                        List.of(url, "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "2",
                                "--memory", "1g", "--work-dir", home.resolve("work").toString()));
                worker.await(REGISTERED, START_TIMEOUT);
                return new Running(url, home, master, worker);
            } catch (RuntimeException | AssertionError e) {
                if (worker != null) {
                    worker.close();
                }
                master.close();
                throw e;
            }
        }

        /** Settings for a Spark application on this cluster, with this project's classes for its executors. */
        SparkSettings settings(String appName, Path dir) {
            return new SparkSettings(masterUrl, appName, Map.of(
                    "spark.jars", String.join(",", projectJars(dir.resolve("mongo-latest-classes.jar"))),
                    "spark.executor.cores", "2",
                    "spark.executor.memory", "512m",
                    "spark.cores.max", "2"));
        }

        @Override
        public void close() {
            worker.close();
            master.close();
            deleteTree(home);
        }

        /**
         * A folder with {@code jars} (every library but this project's, whose classes come fresh with the
         * application) and {@code conf/logback.xml} (the daemons' and executors' logging).
         */
        private static Path sparkHome() {
            Path jars = Path.of(System.getProperty("mongolatest.spark.jars", "target/spark-jars"));
            try {
                Path home = Files.createTempDirectory("spark-home");
                Files.createDirectories(home.resolve("jars"));
                try (Stream<Path> all = Files.list(jars)) {
                    for (Path jar : all.filter(p -> !p.getFileName().toString().startsWith("mongo-latest")).toList()) {
                        Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar.toAbsolutePath());
                    }
                }
                Files.createDirectories(home.resolve("conf"));
                Files.writeString(home.resolve("conf/logback.xml"), """
                        <configuration>
                          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                            <encoder><pattern>%level %logger{20}: %msg%n</pattern></encoder>
                          </appender>
                          <logger name="org.apache.spark.deploy" level="INFO"/>
                          <root level="WARN"><appender-ref ref="OUT"/></root>
                        </configuration>
                        """);
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lay out SPARK_HOME from " + jars, e);
            }
        }

        /** Where {@link ChildProcess} is: this module's test classes. */
        private static String launcherClasses() {
            try {
                return Path.of(ChildProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * This project's modules on this JVM's classpath, as Maven gives them: its jars as they are, its class
         * folders (before packaging) put in one jar {@code classes}.
         */
        private static List<String> projectJars(Path classes) {
            List<Path> folders = new ArrayList<>();
            List<String> jars = new ArrayList<>(List.of(classes.toString()));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else if (p.getFileName().toString().startsWith("mongo-latest-")) {
                    jars.add(p.toString());
                }
            }
            classesJar(folders, classes);
            return jars;
        }

        private static void classesJar(List<Path> folders, Path jar) {
            Set<String> seen = new HashSet<>();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Path root : folders) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            String name = root.relativize(f).toString().replace('\\', '/');
                            if (seen.add(name)) {
                                out.putNextEntry(new JarEntry(name));
                                copy(f, out);
                                out.closeEntry();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + jar, e);
            }
        }

        private static void copy(Path file, OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary folder is not worth failing the tests for.
            }
        }
    }
}
