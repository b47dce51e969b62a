package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.mongolatest.aws.LocalEndpoints;
import io.mongolatest.storage.StorageSettings;

/**
 * The Hadoop settings under which Spark reads and writes {@code s3://} itself. On EMR, {@code s3://} is EMRFS,
 * which applies the cluster's security configuration (the original's client-side encryption): it is left as it
 * is. Elsewhere (one machine, the tests, a cluster that is not EMR) {@code s3://} is mapped to Hadoop's S3A, with
 * the credentials the run's own S3 client uses and, with {@code --s3-endpoint}, path-style requests to that
 * endpoint. A setting the operator gave ({@code --spark-conf spark.hadoop.KEY=...}, or spark-submit's
 * {@code --conf}) is never replaced: {@code spark.hadoop.fs.s3.impl} given decides which file system
 * {@code s3://} is, on EMR or not.
 */
final class HadoopS3Settings {
    static final String S3_IMPL = "fs.s3.impl";
    static final String S3A = "org.apache.hadoop.fs.s3a.S3AFileSystem";
    private static final String SDK = "software.amazon.awssdk.auth.credentials.";
    /** The run's own S3 client's chain for an endpoint ({@link LocalEndpoints#credentials()}): no instance metadata. */
    static final String ENDPOINT_CREDENTIALS = SDK + "SystemPropertyCredentialsProvider," + SDK
            + "EnvironmentVariableCredentialsProvider," + SDK + "ProfileCredentialsProvider";
    /** The run's own S3 client's chain on AWS. */
    static final String AWS_CREDENTIALS = SDK + "DefaultCredentialsProvider";

    private HadoopS3Settings() {
    }

    /**
     * The Hadoop settings (without the {@code spark.hadoop.} prefix) to set for {@code storage}, leaving out the
     * keys {@code given} accepts. Empty on EMR unless {@code fs.s3.impl} was given as S3A.
     */
    static Map<String, String> of(StorageSettings storage, boolean onEmr, Map<String, String> given) {
        requireNonNull(storage, "storage is null");
        Map<String, String> out = new LinkedHashMap<>();
        String impl = given.containsKey(S3_IMPL) ? given.get(S3_IMPL) : onEmr ? null : S3A;
        if (!S3A.equals(impl)) {
            return out;
        }
        out.put(S3_IMPL, S3A);
        out.put("fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
        // A rename on S3A is a copy of every byte. Algorithm 2 moves each task's files once, at task commit,
        // where 1 moves them twice; its one weakness, a failed job's files left in place, cannot matter here:
        // every write has a prefix of its own that no table names before the core commits its files.
        out.put("mapreduce.fileoutputcommitter.algorithm.version", "2");
        if (storage.s3Endpoint() == null) {
            out.put("fs.s3a.aws.credentials.provider", AWS_CREDENTIALS);
        } else {
            out.put("fs.s3a.aws.credentials.provider", ENDPOINT_CREDENTIALS);
            out.put("fs.s3a.endpoint", storage.s3Endpoint().toString());
            out.put("fs.s3a.endpoint.region", LocalEndpoints.region().id());
            out.put("fs.s3a.path.style.access", "true");
            out.put("fs.s3a.connection.ssl.enabled", Boolean.toString(
                    "https".equalsIgnoreCase(storage.s3Endpoint().getScheme())));
        }
        out.keySet().removeIf(((Predicate<String>) given::containsKey));
        return out;
    }

    /** Whether Hadoop's S3A is on the class path. */
    static boolean s3aAvailable() {
        try {
            Class.forName(S3A, false, HadoopS3Settings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
