package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.mongolatest.MongoLatestException;

/**
 * The command one EMR step runs through {@code command-runner.jar}: {@code spark-submit} in client deploy mode
 * (the driver on the master, where the step runs) of the installed jar's {@code step <name>}, with the run's
 * options. Every step gets the same options, so that any step can start a retry.
 */
public final class StepCommand {
    public static final String JAR = "command-runner.jar";
    /** Options launch sets itself; a run option may not set them again. */
    public static final Set<String> OWN_OPTIONS = Set.of("--correlation-id", "--export-date", "--snapshot-type", "--input",
            "--warehouse", "--ledger", "--pushgateway", "--product", "--engine");
    /** Run options that take no value. */
    public static final Set<String> FLAGS = Set.of("--full-rebuild");

    private StepCommand() {
    }

    public static List<String> args(String step, LaunchParameters launch) {
        requireNonNull(step, "step is null");
        requireNonNull(launch, "launch is null");
        List<String> args = new ArrayList<>(List.of("spark-submit", "--deploy-mode", "client", "--class",
                ClusterInstall.MAIN_CLASS, ClusterInstall.JAR, "step", step));
        args.addAll(runOptions(launch));
        return args;
    }

    /** The run's options as every step gets them. */
    public static List<String> runOptions(LaunchParameters launch) {
        List<String> options = new ArrayList<>(List.of(
                "--correlation-id", launch.correlationId(),
                "--export-date", launch.exportDate().toString(),
                "--snapshot-type", launch.snapshotType().label(),
                "--input", launch.input().toString(),
                "--warehouse", launch.warehouse().toString(),
                "--ledger", launch.ledger()));
        launch.pushgateway().ifPresent(p -> options.addAll(List.of("--pushgateway", p.toString())));
        options.addAll(List.of("--product", ClusterInstall.PRODUCT, "--engine", "spark"));
        for (String extra : launch.runOptions()) {
            String flag = flag(extra);
            if (OWN_OPTIONS.contains(flag)) {
                throw MongoLatestException.user("run option " + flag + " is set by launch from the run;"
                        + " give it as a launch option instead");
            }
            options.add(extra);
        }
        return options;
    }

    /**
     * {@code options} as {@link #runOptions} wrote them (every option but the {@link #FLAGS} with one value, after
     * it or after {@code =}), without the options {@code flags} names: what a relaunch reads back from a step.
     */
    public static List<String> without(List<String> options, Set<String> flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            boolean keep = !flags.contains(flag(option));
            if (keep) {
                out.add(option);
            }
            if (!option.contains("=") && !FLAGS.contains(option) && i + 1 < options.size()) {
                i++;
                if (keep) {
                    out.add(options.get(i));
                }
            }
        }
        return out;
    }

    private static String flag(String option) {
        return option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
    }
}
