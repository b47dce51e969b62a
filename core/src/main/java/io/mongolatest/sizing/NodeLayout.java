package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import io.mongolatest.DataSize;

/**
 * What YARN gets on one core node, and the Tez task container carved from it. Everything else is derived
 * from these few numbers.
 *
 * @param reserve       memory kept back for the OS and the node's daemons (DataNode, NodeManager, agents)
 * @param yarnMemory    {@code yarn.nodemanager.resource.memory-mb}
 * @param minAllocation {@code yarn.scheduler.minimum-allocation-mb}: one vcore's share of {@code yarnMemory}
 * @param taskContainer {@code hive.tez.container.size}: a multiple of {@code minAllocation}
 */
public record NodeLayout(InstanceType instance, DataSize reserve, DataSize yarnMemory, int vcores,
        DataSize minAllocation, DataSize taskContainer) {
    /** The reserve is an eighth of the node's memory, as in the HDP reserved-memory table, but at least this. */
    static final DataSize MIN_RESERVE = DataSize.ofGibibytes(2);
    static final int RESERVE_DIVISOR = 8;
    /** Allocations are whole multiples of this, so that they read well and match YARN's own rounding. */
    static final DataSize ALLOCATION_STEP = DataSize.ofMebibytes(256);
    /** A Hive task gets at least this: 16 MiB documents, a map-join table and a sort buffer share its heap. */
    static final DataSize TASK_FLOOR = DataSize.ofGibibytes(4);

    public NodeLayout {
        requireNonNull(instance, "instance is null");
        requireNonNull(reserve, "reserve is null");
        requireNonNull(yarnMemory, "yarnMemory is null");
        requireNonNull(minAllocation, "minAllocation is null");
        requireNonNull(taskContainer, "taskContainer is null");
        if (vcores < 1 || minAllocation.bytes() == 0 || taskContainer.compareTo(yarnMemory) > 0
                || taskContainer.bytes() % minAllocation.bytes() != 0) {
            throw new IllegalArgumentException("inconsistent node layout for " + instance.name());
        }
    }

    public static NodeLayout of(InstanceType instance) {
        DataSize reserve = reserveFor(instance.memory());
        DataSize yarnMemory = instance.memory().minus(reserve);
        int vcores = instance.vcpus();
        DataSize minAllocation = yarnMemory.dividedBy(vcores).roundDownTo(ALLOCATION_STEP);
        if (minAllocation.bytes() == 0) {
            throw new IllegalArgumentException(instance.name() + " has too little memory per vCPU to size");
        }
        long multiple = Math.max(1, ceilDiv(TASK_FLOOR.bytes(), minAllocation.bytes()));
        // Never more than a node holds: a container that fits nowhere would never start.
        multiple = Math.min(multiple, yarnMemory.count(minAllocation));
        return new NodeLayout(instance, reserve, yarnMemory, vcores, minAllocation, minAllocation.times(multiple));
    }

    /** An eighth of the node's memory rounded up to a whole GiB, at least 2 GiB: it grows with the node. */
    static DataSize reserveFor(DataSize nodeMemory) {
        long gib = ceilDiv(nodeMemory.bytes(), DataSize.ofGibibytes(RESERVE_DIVISOR).bytes());
        return DataSize.max(MIN_RESERVE, DataSize.ofGibibytes(gib));
    }

    /** How many Tez task containers a node runs at once. */
    public long containersPerNode() {
        return yarnMemory.count(taskContainer);
    }

    /** {@code taskContainer} as a multiple of {@code minAllocation}. */
    public long taskMultiple() {
        return taskContainer.count(minAllocation);
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
