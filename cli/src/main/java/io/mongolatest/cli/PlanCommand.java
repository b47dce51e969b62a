package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.mongolatest.pipeline.plan.Plan;
import io.mongolatest.pipeline.plan.PlanRun;
import io.mongolatest.pipeline.plan.StartKind;
import io.mongolatest.pipeline.plan.StepPlan;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows what 'run' would do now with the same options: Run_Id, and which steps run or are skipped, and why.")
final class PlanCommand implements Callable<Integer> {
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
        PrintWriter out = cmd.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (RunWiring w = RunWiring.forPlan(common, ledger, spec, clock)) {
            PlanRun.Planned planned = PlanRun.plan(w.spec, w.parts);
            Plan plan = planned.plan();
            out.println("plan for " + plan.key() + ": " + describe(plan));
            out.println("input:   " + planned.input().description());
            out.println("ledger:  " + w.parts.ledger().describe() + "   engine: " + w.parts.engine().name()
                    + "   metrics: " + w.parts.metrics().describe());
            plan.warnings().forEach(x -> out.println("warning: " + x));
            if (plan.start() == StartKind.HELD) {
                return ExitCode.SUCCESS.code();
            }
            int width = plan.steps().stream().mapToInt(s -> s.step().name().length()).max().orElse(4);
            int kindWidth = plan.steps().stream().mapToInt(s -> s.step().kindLabel().length()).max().orElse(4);
            String format = "  %-" + width + "s  %-" + kindWidth + "s  %-6s %s%n";
            out.printf(format, "STEP", "KIND", "ACTION", "WHY");
            for (StepPlan s : plan.steps()) {
                out.printf(format, s.step().name(), s.step().kindLabel(), s.action(), s.reason());
            }
        }
        return ExitCode.SUCCESS.code();
    }

    private static String describe(Plan plan) {
        return switch (plan.start()) {
            case NEW -> "no earlier run; would start Run_Id 1";
            case RERUN -> "run " + plan.previous().runId() + " completed; would re-run every step as Run_Id "
                    + plan.runId();
            case RETRY -> "run " + plan.previous().runId() + " " + plan.previous().status() + " at "
                    + plan.previous().currentStep() + "; would retry as Run_Id " + plan.runId()
                    + (plan.resumeStep() == null ? " from the start" : " from " + plan.resumeStep());
            case HELD -> "held by " + plan.holder() + "; a run now would exit 3";
        };
    }
}
