package io.mongolatest.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM, for what an in-process run cannot show: signals, kill -9, two
 * processes racing for one run. Output goes to files in {@code dir}.
 */
final class ChildRun {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildRun start(Path dir, String name, String... args) throws IOException {
        return start(dir, name, List.of("-Xmx512m"), Map.of(), args);
    }

    /** With {@code environment} added to (a value of null: removed from) this JVM's environment. */
    static ChildRun start(Path dir, String name, Map<String, String> environment, String... args) throws IOException {
        return start(dir, name, List.of("-Xmx512m"), environment, args);
    }

    /** With {@code jvmOptions} (e.g. the heap and module options Spark needs) before the usual lean ones. */
    static ChildRun start(Path dir, String name, List<String> jvmOptions, String... args) throws IOException {
        return start(dir, name, jvmOptions, Map.of(), args);
    }

    static ChildRun start(Path dir, String name, List<String> jvmOptions, Map<String, String> environment,
                          String... args) throws IOException {
        return start(dir, name, List.of(), jvmOptions, environment, args);
    }

    /** Under {@code umask} (e.g. {@code 000}), set by a shell that then becomes the JVM, as a caller's shell would. */
    static ChildRun startUnderUmask(Path dir, String name, String umask, String... args) throws IOException {
        return start(dir, name, List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"), List.of("-Xmx512m"),
                Map.of(), args);
    }

    private static ChildRun start(Path dir, String name, List<String> shell, List<String> jvmOptions,
                                  Map<String, String> environment, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // Lean and quick to start: C1 only, one GC thread, the JDK's class-data archive. Its own temporary
        // folder, inside the test's, so that what a killed child leaves there (DuckDB unpacks its 70 MB
        // native library per process) goes away with the test's folder.
        Path tmp = Files.createDirectories(dir.resolve(name + ".tmp"));
        List<String> cmd = new ArrayList<>(shell);
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.io.tmpdir=" + tmp,
                "-cp", classpath, Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new ChildRun(pb.start(), out, err);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the exit, at most {@code seconds}; fails the test if it does not come. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not exit within " + seconds + " s; stderr: " + err());
        }
        return process.exitValue();
    }

    /** Waits up to {@code millis} for the exit; true if it exited. */
    boolean exitsWithin(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** kill -9: no shutdown hook, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code stop} or a supervisor sends it. */
    void terminate() {
        process.destroy();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
