package io.mongolatest.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "mongo-latest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds and publishes the Mongo Latest data product from MongoDB snapshot exports.",
        subcommands = {
                RunCommand.class,
                StepCommand.class,
                LaunchCommand.class,
                RelaunchCommand.class,
                PlanCommand.class,
                StatusCommand.class,
                ReportCommand.class,
                ClearCommand.class,
                StopCommand.class,
                ProductCommand.class,
                LedgerCommand.class,
                TuneCommand.class,
                QueryCommand.class,
                GenerateCommand.class,
                DemoCommand.class,
        })
final class MongoLatestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
