package io.mongolatest.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the data product for a correlation id, resuming a failed run at its failed step.",
                "Exit codes: 0 completed, 1 a step failed, 2 usage or input error, 3 held by another runner, 4 cancelled."})
final class RunCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    RunSpecOptions spec;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        try (RunWiring w = RunWiring.forRun(common, ledger, spec, Clock.systemUTC())) {
            return RunExecution.run(w, cmd.commandLine().getOut(), cmd.commandLine().getErr());
        }
    }
}
