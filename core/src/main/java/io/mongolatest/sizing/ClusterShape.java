package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import io.mongolatest.MongoLatestException;

/** What an EMR cluster is made of: {@code coreCount} core nodes of one type, and a master node. */
public record ClusterShape(InstanceType core, int coreCount, InstanceType master) {
    public static final int MIN_CORE_NODES = 1;
    public static final int MAX_CORE_NODES = 1000;

    public ClusterShape {
        requireNonNull(core, "core is null");
        requireNonNull(master, "master is null");
        if (coreCount < MIN_CORE_NODES || coreCount > MAX_CORE_NODES) {
            throw MongoLatestException.user("core node count must be " + MIN_CORE_NODES + " to " + MAX_CORE_NODES
                    + ", got " + coreCount);
        }
    }

    /** "10 x m5.4xlarge (16 vCPUs, 64 GiB), master m5.4xlarge". */
    public String describe() {
        return coreCount + " x " + core.describe() + " core, master " + master.describe();
    }
}
