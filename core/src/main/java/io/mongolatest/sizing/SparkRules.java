package io.mongolatest.sizing;

import static io.mongolatest.sizing.Classification.SPARK_DEFAULTS;

import java.util.List;

import io.mongolatest.DataSize;

/**
 * Spark executor sizing after the AWS guidance for Spark on EMR: executors of 5 cores, one vCPU per node
 * left to the OS and daemons, 90 % heap and 10 % overhead.
 */
final class SparkRules {
    static final int EXECUTOR_CORES = 5;
    /** Spark's own floor for the executor memory overhead. */
    static final DataSize MIN_OVERHEAD = DataSize.ofMebibytes(384);
    /** The driver shares the master node with the ResourceManager, NameNode and HiveServer2. */
    static final int DRIVER_MASTER_DIVISOR = 4;

    private SparkRules() {
    }

    static List<Setting> settings(NodeLayout node, ClusterShape shape) {
        int cores = Math.max(1, Math.min(EXECUTOR_CORES, node.vcores() - 1));
        int perNode = Math.max(1, (node.vcores() - 1) / cores);
        // YARN rounds every request up to a multiple of the minimum allocation: size the request to one.
        DataSize share = node.yarnMemory().dividedBy(perNode).roundDownTo(node.minAllocation());
        DataSize overhead = DataSize.max(MIN_OVERHEAD, share.fraction(1, 10));
        DataSize heap = share.minus(overhead);
        long instances = (long) perNode * shape.coreCount();
        DataSize masterQuarter = shape.master().memory().dividedBy(DRIVER_MASTER_DIVISOR)
                .roundDownTo(NodeLayout.ALLOCATION_STEP);
        DataSize driver = DataSize.min(heap, masterQuarter);
        long parallelism = instances * cores * 2;
        return List.of(
                Setting.of(SPARK_DEFAULTS, "spark.dynamicAllocation.enabled", false, Source.SPARK_ON_EMR,
                        "off: the executors below are sized and counted for the whole cluster"),
                Setting.of(SPARK_DEFAULTS, "spark.executor.cores", cores, Source.SPARK_ON_EMR,
                        "%d per executor, at most the node's vCPUs minus one (%d)", EXECUTOR_CORES,
                        node.vcores() - 1),
                Setting.of(SPARK_DEFAULTS, "spark.executor.memory", heap.mebibytes() + "m", Source.SPARK_ON_EMR,
                        "each executor's share of node YARN memory, %d / %d rounded down to the minimum"
                                + " allocation = %d, minus the overhead",
                        node.yarnMemory().mebibytes(), perNode, share.mebibytes()),
                Setting.of(SPARK_DEFAULTS, "spark.executor.memoryOverhead", overhead.mebibytes() + "m",
                        Source.SPARK_ON_EMR, "10 %% of the executor's share (%d), at least %s",
                        share.mebibytes(), MIN_OVERHEAD),
                Setting.of(SPARK_DEFAULTS, "spark.executor.instances", instances, Source.SPARK_ON_EMR,
                        "(%d vCPUs - 1) / %d cores = %d per node x %d nodes; the driver runs on the master,"
                                + " so no executor slot is kept for it",
                        node.vcores(), cores, perNode, shape.coreCount()),
                Setting.of(SPARK_DEFAULTS, "spark.driver.memory", driver.mebibytes() + "m", Source.SPARK_ON_EMR,
                        "the executor heap (%d), at most a quarter of the master's %s (%s)",
                        heap.mebibytes(), shape.master().memory(), shape.master().name()),
                Setting.of(SPARK_DEFAULTS, "spark.default.parallelism", parallelism, Source.SPARK_ON_EMR,
                        "2 tasks per executor core: %d executors x %d cores x 2", instances, cores),
                Setting.of(SPARK_DEFAULTS, "spark.sql.shuffle.partitions", parallelism, Source.SPARK_ON_EMR,
                        "same as spark.default.parallelism: Spark SQL shuffles use this instead"));
    }
}
