package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.ledger.LedgerLocation;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.model.StepDefinition;

/**
 * What one launch asks the cluster to do: the run's identity and locations, where the cluster finds the tool,
 * and the pipeline's steps. Checked here, before anything is sent: a cluster reads its input from and writes its
 * output to S3, and shares the ledger with the launcher, so that ledger is DynamoDB.
 *
 * @param ledger      e.g. {@code dynamodb:data_pipeline_metadata}
 * @param pushgateway the Pushgateway the steps push to, if any
 * @param jar         S3 location of the mongo-latest jar the bootstrap installs
 * @param product     S3 location of the product package: a folder (ending in {@code /}) or a {@code .zip}
 * @param steps       the pipeline's step names, in pipeline order: one EMR step each
 * @param runOptions  further options passed to every {@code mongo-latest step}, as given
 */
public record LaunchParameters(String correlationId, LocalDate exportDate, SnapshotType snapshotType, URI input,
                               URI warehouse, String ledger, Optional<URI> pushgateway, URI jar, URI product,
                               List<String> steps, List<String> runOptions) {
    /** EMR runs at most this many steps on a cluster that keeps no step history. */
    public static final int MAX_STEPS = 256;

    public LaunchParameters {
        RunParameters.checkCorrelationId(correlationId);
        requireNonNull(exportDate, "exportDate is null");
        requireNonNull(snapshotType, "snapshotType is null");
        s3(input, "input");
        s3(warehouse, "warehouse");
        requireNonNull(ledger, "ledger is null");
        if (!(LedgerLocation.parse(ledger) instanceof LedgerLocation.DynamoDb)) {
            throw MongoLatestException.user("a cluster needs a ledger it shares with the launcher:"
                    + " --ledger dynamodb:TABLE, not " + ledger);
        }
        requireNonNull(pushgateway, "pushgateway is null");
        pushgateway.ifPresent(p -> {
            if (!"http".equals(p.getScheme()) && !"https".equals(p.getScheme())) {
                throw MongoLatestException.user("the Pushgateway must be an http(s):// URL, not " + p);
            }
        });
        s3(jar, "jar");
        if (!jar.getPath().endsWith(".jar")) {
            throw MongoLatestException.user("the jar location must name a .jar file, not " + jar);
        }
        s3(product, "product package");
        if (!product.getPath().endsWith("/") && !product.getPath().endsWith(".zip")) {
            throw MongoLatestException.user("the product package location must be a folder (ending in /) or a"
                    + " .zip, not " + product);
        }
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        checkSteps(steps);
        runOptions = List.copyOf(requireNonNull(runOptions, "runOptions is null"));
        for (String option : runOptions) {
            if (option.isBlank()) {
                throw MongoLatestException.user("a run option is empty");
            }
        }
    }

    private static void s3(URI location, String what) {
        requireNonNull(location, what + " is null");
        if (!"s3".equals(location.getScheme()) || location.getHost() == null) {
            throw MongoLatestException.user("on a cluster the " + what + " must be an s3://bucket/... location, not "
                    + location);
        }
    }

    private static void checkSteps(List<String> steps) {
        if (steps.isEmpty()) {
            throw MongoLatestException.user("the pipeline has no steps to launch");
        }
        if (steps.size() > MAX_STEPS) {
            throw MongoLatestException.user("EMR runs at most " + MAX_STEPS + " steps; the pipeline has "
                    + steps.size());
        }
        Set<String> seen = new HashSet<>();
        for (String step : steps) {
            if (!StepDefinition.NAME.matcher(step).matches()) {
                throw MongoLatestException.user("invalid step name '" + step + "'");
            }
            if (!seen.add(step)) {
                throw MongoLatestException.user("step '" + step + "' is listed twice");
            }
        }
    }
}
