package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The cluster's bootstrap actions: first the one that installs mongo-latest (the script shipped in
 * {@code io/mongolatest/cluster/bootstrap/}, uploaded to S3; launch passes it the jar and product locations),
 * then the account's own, in order.
 *
 * @param installScript S3 location of {@code install-mongo-latest.sh}
 * @param actions       further bootstrap actions, run after the install
 */
public record BootstrapSettings(String installScript, List<Action> actions) {
    /** EMR runs at most this many bootstrap actions on a cluster. */
    public static final int MAX_ACTIONS = 16;
    public static final String INSTALL_ACTION = "install-mongo-latest";

    public BootstrapSettings {
        requireNonNull(installScript, "installScript is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
        if (actions.size() + 1 > MAX_ACTIONS) {
            throw new IllegalArgumentException("more than " + MAX_ACTIONS + " bootstrap actions");
        }
    }

    /** One {@code ScriptBootstrapAction}: a script run on every node with its arguments. */
    public record Action(String name, String path, List<String> args) {
        public Action {
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            args = List.copyOf(requireNonNull(args, "args is null"));
        }
    }
}
