package io.mongolatest.sizing;

import static io.mongolatest.sizing.Classification.HIVE_SITE;
import static io.mongolatest.sizing.Classification.TEZ_SITE;
import static io.mongolatest.sizing.Classification.YARN_SITE;

import java.util.ArrayList;
import java.util.List;

import io.mongolatest.DataSize;

/**
 * Computes YARN, Tez, Hive and Spark settings for a cluster shape from the published tuning rules. Each value
 * carries its rule and source; docs/sizing.md explains the choices.
 */
public final class SizingRules {
    /** Tez's sort buffer is one Java array: it cannot reach 2 GiB. */
    static final DataSize MAX_SORT_BUFFER = DataSize.ofMebibytes(2047);
    static final DataSize GROUPING_MIN = DataSize.ofMebibytes(16);
    static final DataSize GROUPING_MAX = DataSize.ofGibibytes(1);
    /** Hive's default since 0.14: 256 MB in decimal bytes. */
    static final DataSize BYTES_PER_REDUCER = new DataSize(256_000_000);
    /** Capacity Scheduler default {@code maximum-am-resource-percent}: AMs may hold 10 % of the queue. */
    static final int AM_SHARE_PERCENT = 10;

    private SizingRules() {
    }

    public static ClusterSizing size(ClusterShape shape) {
        NodeLayout node = NodeLayout.of(shape.core());
        List<Setting> settings = new ArrayList<>();
        settings.addAll(yarn(node));
        settings.addAll(tez(node));
        settings.addAll(hive(node, shape.coreCount()));
        settings.addAll(SparkRules.settings(node, shape));
        return new ClusterSizing(shape, node, settings);
    }

    static List<Setting> yarn(NodeLayout node) {
        return List.of(
                Setting.of(YARN_SITE, "yarn.nodemanager.resource.memory-mb", node.yarnMemory().mebibytes(),
                        Source.HDP_MEMORY, "node memory %s minus a reserve of %s for the OS and daemons"
                                + " (1/8 of node memory, rounded up to a GiB, at least 2 GiB)",
                        node.instance().memory(), node.reserve()),
                Setting.of(YARN_SITE, "yarn.nodemanager.resource.cpu-vcores", node.vcores(),
                        Source.EMR_DEFAULTS, "one vcore per EC2 vCPU, as EMR does"),
                Setting.of(YARN_SITE, "yarn.scheduler.minimum-allocation-mb", node.minAllocation().mebibytes(),
                        Source.HDP_MEMORY, "one vcore's share of YARN memory, %d / %d, rounded down to 256 MiB:"
                                + " memory and vcores run out together",
                        node.yarnMemory().mebibytes(), node.vcores()),
                Setting.of(YARN_SITE, "yarn.scheduler.maximum-allocation-mb", node.yarnMemory().mebibytes(),
                        Source.EMR_DEFAULTS, "all of a node's YARN memory, as EMR does"),
                Setting.of(YARN_SITE, "yarn.scheduler.maximum-allocation-vcores", node.vcores(),
                        Source.EMR_DEFAULTS, "all of a node's vcores"));
    }

    static List<Setting> tez(NodeLayout node) {
        DataSize container = node.taskContainer();
        DataSize am = amMemory(node);
        DataSize sort = container.fraction(2, 5);
        return List.of(
                Setting.of(TEZ_SITE, "tez.am.resource.memory.mb", am.mebibytes(), Source.TEZ_MEMORY,
                        "same as hive.tez.container.size, %d x the minimum allocation: the AM plans the DAG and"
                                + " tracks every task",
                        node.taskMultiple()),
                Setting.of(TEZ_SITE, "tez.am.launch.cmd-opts", heapOption(am), Source.TEZ_MEMORY,
                        "heap 80 %% of tez.am.resource.memory.mb (%d), the rest for off-heap memory",
                        am.mebibytes()),
                Setting.of(TEZ_SITE, "tez.task.resource.memory.mb", container.mebibytes(), Source.TEZ_MEMORY,
                        "same as hive.tez.container.size, for Tez tasks not launched by Hive"),
                Setting.of(TEZ_SITE, "tez.runtime.io.sort.mb", DataSize.min(sort, MAX_SORT_BUFFER).mebibytes(),
                        Source.TEZ_MEMORY, "40 %% of hive.tez.container.size (%d), at most 2047: the sort buffer"
                                + " is one Java array",
                        sort.mebibytes()),
                Setting.of(TEZ_SITE, "tez.runtime.unordered.output.buffer.size-mb",
                        container.fraction(1, 10).mebibytes(), Source.TEZ_MEMORY,
                        "10 %% of hive.tez.container.size (%d)", container.mebibytes()),
                Setting.of(TEZ_SITE, "tez.grouping.min-size", GROUPING_MIN.bytes(), Source.TEZ_PARALLELISM,
                        "Tez default (%s): Tez groups splits into about 1.7 waves of the free containers,"
                                + " each group between min-size and max-size", GROUPING_MIN),
                Setting.of(TEZ_SITE, "tez.grouping.max-size", GROUPING_MAX.bytes(), Source.TEZ_PARALLELISM,
                        "Tez default (%s), in bytes", GROUPING_MAX));
    }

    static List<Setting> hive(NodeLayout node, int coreCount) {
        DataSize container = node.taskContainer();
        long totalContainers = node.containersPerNode() * coreCount;
        DataSize totalYarn = node.yarnMemory().times(coreCount);
        return List.of(
                Setting.of(HIVE_SITE, "hive.tez.container.size", container.mebibytes(), Source.TEZ_MEMORY,
                        "smallest multiple of the minimum allocation (%d) reaching %s, our floor for a Hive"
                                + " task: %d x %d; %d fit on a node",
                        node.minAllocation().mebibytes(), NodeLayout.TASK_FLOOR, node.taskMultiple(),
                        node.minAllocation().mebibytes(), node.containersPerNode()),
                Setting.of(HIVE_SITE, "hive.tez.java.opts", heapOption(container), Source.TEZ_MEMORY,
                        "heap 80 %% of hive.tez.container.size (%d)", container.mebibytes()),
                Setting.of(HIVE_SITE, "hive.auto.convert.join.noconditionaltask.size",
                        container.dividedBy(3).bytes(), Source.TEZ_MEMORY,
                        "one third of hive.tez.container.size, in bytes as Hive expects: %d B / 3",
                        container.bytes()),
                Setting.of(HIVE_SITE, "hive.exec.reducers.bytes.per.reducer", BYTES_PER_REDUCER.bytes(),
                        Source.HIVE_REDUCERS, "Hive default since 0.14 (256 MB): reducers = reducer input"
                                + " / this, at most hive.exec.reducers.max"),
                Setting.of(HIVE_SITE, "hive.exec.reducers.max", NodeLayout.ceilDiv(totalContainers * 7, 4),
                        Source.MAPREDUCE_TUTORIAL, "1.75 x the cluster's %d Tez containers (%d nodes x %d),"
                                + " rounded up: fast nodes take a second wave, which evens out skew",
                        totalContainers, coreCount, node.containersPerNode()),
                Setting.of(HIVE_SITE, "hive.server2.tez.sessions.per.default.queue", sessions(totalYarn, node),
                        Source.HIVE_SESSIONS, "each session holds a Tez AM of %d; AMs may use %d %% of the"
                                + " cluster's %d MiB of YARN memory (Capacity Scheduler default); at least 1",
                        amMemory(node).mebibytes(), AM_SHARE_PERCENT, totalYarn.mebibytes()));
    }

    static DataSize amMemory(NodeLayout node) {
        return node.taskContainer();
    }

    static long sessions(DataSize totalYarn, NodeLayout node) {
        return Math.max(1, totalYarn.fraction(AM_SHARE_PERCENT, 100).count(amMemory(node)));
    }

    /** The JVM heap flag for a container: 80 % of it, leaving room for off-heap memory. */
    static String heapOption(DataSize container) {
        return "-Xmx" + container.fraction(4, 5).mebibytes() + "m";
    }
}
