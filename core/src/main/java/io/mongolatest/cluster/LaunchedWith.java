package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster was launched with, read back from EMR: the run's options as its steps pass them to
 * {@code step NAME}, and the product package its install bootstrap action installed. A relaunch starts the
 * next cluster with exactly these, not with today's defaults.
 *
 * @param runArguments the options after {@code step NAME} in the cluster's first pipeline step
 * @param product      the {@code s3://} folder of the product package the cluster installed
 */
public record LaunchedWith(List<String> runArguments, URI product) {
    public LaunchedWith {
        runArguments = List.copyOf(requireNonNull(runArguments, "runArguments is null"));
        requireNonNull(product, "product is null");
    }

    /**
     * From the arguments of a cluster's steps and of its install bootstrap action (jar, product folder), as
     * {@link RunJobFlowBuilder} wrote them; empty when they are not a launch's.
     */
    static Optional<LaunchedWith> from(List<List<String>> stepArguments, List<List<String>> installArguments) {
        if (installArguments.isEmpty() || installArguments.get(0).size() < 2) {
            return Optional.empty();
        }
        URI product = URI.create(installArguments.get(0).get(1));
        for (List<String> args : stepArguments) {
            int step = args.indexOf("step");
            if (step >= 0 && step + 2 <= args.size()) {
                return Optional.of(new LaunchedWith(args.subList(step + 2, args.size()), product));
            }
        }
        return Optional.empty();
    }
}
