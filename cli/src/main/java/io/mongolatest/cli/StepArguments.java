package io.mongolatest.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The options a cluster's {@code step NAME} ran with, as {@code run} options (see {@code StepCommand}). */
final class StepArguments {
    /**
     * Options a step has that a relaunch takes from elsewhere: the run's identity from its ledger row, the ledger
     * from the relauncher, the cluster id and state folder from the node, the product from the installed package
     * (on the node it is a path of the node), the engine from launch (always Spark).
     */
    private static final Set<String> NOT_THE_RUNS = Set.of("--correlation-id", "--export-date", "--snapshot-type",
            "--input", "--warehouse", "--ledger", "--dynamodb-endpoint", "--cluster-id", "--state-dir", "--product",
            "--engine");

    private StepArguments() {
    }

    /** {@code args} without the options that are not the run's; every option a launch writes has one value. */
    static List<String> runOptions(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=") && arg.startsWith("--");
            boolean skip = NOT_THE_RUNS.contains(flag);
            if (!skip) {
                out.add(arg);
            }
            if (!inline && arg.startsWith("--") && i + 1 < args.size()) {
                if (!skip) {
                    out.add(args.get(i + 1));
                }
                i++;
            }
        }
        return out;
    }
}
