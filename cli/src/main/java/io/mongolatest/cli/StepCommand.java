package io.mongolatest.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.mongolatest.cluster.EmrInstanceMetadata;
import io.mongolatest.ledger.ClusterRunner;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.RunnerIdentity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "step", mixinStandardHelpOptions = true,
        description = {"Runs one step of the pipeline in this process, as an EMR step does; the same options as"
                + " 'run'. Running every step in pipeline order, each in its own process, does what one 'run' does:"
                + " the first step begins the attempt, a skipped step says SKIPPED, and after a failure later steps"
                + " do nothing but the 'always' ones.",
                "Exit codes: 0 the step did its part (or had nothing to do), 1 it failed, 2 usage or input error,"
                        + " 3 held by another runner, 4 cancelled."})
final class StepCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    RunSpecOptions spec;

    @Parameters(index = "0", paramLabel = "STEP", description = "The step to run, as pipeline.yaml names it.")
    String step;

    @Option(names = "--cluster-id", paramLabel = "ID",
            description = "The EMR cluster this step runs on, as whose runner it holds the run. Default: read from"
                    + " the node's EMR instance files, or none (a local process) off EMR.")
    String clusterId;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        RunnerIdentity identity = Optional.ofNullable(clusterId).or(() -> EmrInstanceMetadata.ofThisNode().clusterId())
                .<RunnerIdentity>map(ClusterRunner::new).orElseGet(LeaseOwner::current);
        try (RunWiring w = RunWiring.forRun(common, ledger, spec, Clock.systemUTC(), identity)) {
            return RunExecution.step(w, step, cmd.commandLine().getOut(), cmd.commandLine().getErr());
        }
    }
}
