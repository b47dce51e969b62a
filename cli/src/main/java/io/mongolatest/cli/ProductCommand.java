package io.mongolatest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.mongolatest.pipeline.model.ProductFiles;

@Command(name = "product", mixinStandardHelpOptions = true, description = "Works with product packages.",
        subcommands = ProductCommand.Init.class)
final class ProductCommand {
    // A group of subcommands: invoked alone, picocli reports the missing subcommand.

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Writes a copy of the built-in Mongo Latest product package to DIR, to edit and run with --product DIR.")
    static final class Init implements Callable<Integer> {
        @Mixin(name = "common")
        CommonOptions common;

        @Parameters(paramLabel = "DIR", description = "A new or empty folder.")
        Path dir;

        @Spec
        CommandSpec cmd;

        @Override
        public Integer call() {
            ProductFiles files = ProductFiles.bundled();
            files.writeTo(dir);
            cmd.commandLine().getOut().printf("wrote %d files of the Mongo Latest product to %s; run it with"
                    + " --product %s%n", files.files().size(), dir, dir);
            return ExitCode.SUCCESS.code();
        }
    }
}
