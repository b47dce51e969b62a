package io.mongolatest.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Runs the data product on an EMR cluster (SPEC §10): takes the run in the ledger first (a run"
                + " or cluster of the same correlation id that is live refuses with exit 3 and starts nothing), then"
                + " starts a cluster named mongo-latest from the profile, one EMR step per pipeline step, each"
                + " running 'mongo-latest step NAME' on Spark; prints the cluster id.",
                "Exit codes: 0 the cluster was started, 2 usage or configuration error, 3 held by another runner,"
                        + " 1 EMR or the ledger failed (the run is then as it was)."})
final class LaunchCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    RunSpecOptions spec;

    @Mixin
    LaunchOptions launch;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        return launch.launch(common, ledger, spec, cmd);
    }
}
