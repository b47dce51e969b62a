package io.mongolatest.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mongolatest.DataSize;

/** Properties that must hold for every catalog type and every node count from 1 to 200. */
class SizingInvariantsTest {
    private static final int MAX_NODES = 200;
    private static final Pattern NUMBER = Pattern.compile("^(?:-Xmx)?(\\d+)m?$");

    private static List<InstanceType> types;
    /** Every type sized for 1 to 200 nodes; computed once, since every test walks it. */
    private static Map<InstanceType, List<ClusterSizing>> sizings;

    @BeforeAll
    static void sizeTheWholeCatalog() {
        types = InstanceCatalog.bundled().all();
        Map<InstanceType, List<ClusterSizing>> all = new LinkedHashMap<>();
        for (InstanceType type : types) {
            List<ClusterSizing> result = new ArrayList<>();
            for (int n = 1; n <= MAX_NODES; n++) {
                result.add(SizingRules.size(new ClusterShape(type, n, type)));
            }
            all.put(type, List.copyOf(result));
        }
        sizings = Map.copyOf(all);
    }

    private static List<ClusterSizing> sizingsOf(InstanceType type) {
        return sizings.get(type);
    }

    private static long number(ClusterSizing sizing, String key) {
        String value = sizing.value(key);
        Matcher m = NUMBER.matcher(value);
        if (!m.matches()) {
            throw new AssertionError(key + "=" + value + " is not a number");
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyContainerFitsTheNodesYarnMemoryAndIsAMultipleOfTheMinimumAllocation() {
        for (InstanceType type : types) {
            for (ClusterSizing s : sizingsOf(type)) {
                String where = s.shape().coreCount() + " x " + type.name();
                long yarn = number(s, "yarn.nodemanager.resource.memory-mb");
                long min = number(s, "yarn.scheduler.minimum-allocation-mb");
                long max = number(s, "yarn.scheduler.maximum-allocation-mb");
                check(max <= yarn, where, "maximum allocation above node memory");
                check(yarn + s.node().reserve().mebibytes() == type.memory().mebibytes(), where, "reserve");
                long executor = number(s, "spark.executor.memory") + number(s, "spark.executor.memoryOverhead");
                long executorsPerNode = number(s, "spark.executor.instances") / s.shape().coreCount();
                for (String key : List.of("hive.tez.container.size", "tez.am.resource.memory.mb",
                        "tez.task.resource.memory.mb")) {
                    long container = number(s, key);
                    check(container >= min && container <= max && container % min == 0, where, key);
                }
                check(executor >= min && executor <= max && executor % min == 0, where, "executor container");
                check(executor * executorsPerNode <= yarn, where, "executors overfill a node");
                check(number(s, "spark.executor.cores") * executorsPerNode
                        < number(s, "yarn.nodemanager.resource.cpu-vcores"), where, "executor cores");
                check(number(s, "spark.driver.memory") * 4 <= type.memory().mebibytes(), where, "driver");
            }
        }
    }

    @Test
    void heapOptionsAreEightyPercentOfTheirContainers() {
        for (InstanceType type : types) {
            ClusterSizing s = SizingRules.size(new ClusterShape(type, 10, type));
            assertThat(number(s, "hive.tez.java.opts")).as(type.name())
                    .isEqualTo(number(s, "hive.tez.container.size") * 4 / 5);
            assertThat(number(s, "tez.am.launch.cmd-opts")).as(type.name())
                    .isEqualTo(number(s, "tez.am.resource.memory.mb") * 4 / 5);
            assertThat(s.value("hive.tez.java.opts")).matches("-Xmx\\d+m");
        }
    }

    @Test
    void mapJoinSizeIsAThirdOfTheContainerInBytes() {
        for (InstanceType type : types) {
            ClusterSizing s = SizingRules.size(new ClusterShape(type, 10, type));
            long containerBytes = number(s, "hive.tez.container.size") * 1024 * 1024;
            long mapJoin = number(s, "hive.auto.convert.join.noconditionaltask.size");
            assertThat(mapJoin).as(type.name()).isEqualTo(containerBytes / 3);
            // The original's defect: a value in megabytes is a few kilobytes to Hive.
            assertThat(mapJoin).isGreaterThan(1024L * 1024 * 1024);
        }
    }

    @Test
    void buffersFollowTheContainer() {
        for (InstanceType type : types) {
            ClusterSizing s = SizingRules.size(new ClusterShape(type, 10, type));
            long container = number(s, "hive.tez.container.size");
            assertThat(number(s, "tez.runtime.io.sort.mb")).isEqualTo(Math.min(container * 2 / 5, 2047));
            assertThat(number(s, "tez.runtime.unordered.output.buffer.size-mb")).isEqualTo(container / 10);
            assertThat(container).isGreaterThanOrEqualTo(4096);
        }
    }

    @Test
    void totalsGrowWithTheNodeCount() {
        List<String> growing = List.of("hive.exec.reducers.max", "spark.executor.instances",
                "spark.default.parallelism", "spark.sql.shuffle.partitions");
        String sessions = "hive.server2.tez.sessions.per.default.queue";
        for (InstanceType type : types) {
            List<ClusterSizing> all = sizingsOf(type);
            for (int i = 1; i < all.size(); i++) {
                ClusterSizing smaller = all.get(i - 1);
                ClusterSizing larger = all.get(i);
                String where = larger.shape().coreCount() + " x " + type.name();
                for (String key : growing) {
                    check(number(larger, key) > number(smaller, key), where, key + " does not grow");
                }
                // Sessions grow in steps: one more AM per 10 % of an AM's memory added to the cluster.
                check(number(larger, sessions) >= number(smaller, sessions), where, "sessions shrink");
                check(larger.totalContainers() > smaller.totalContainers(), where, "containers");
                check(larger.totalYarnMemory().compareTo(smaller.totalYarnMemory()) > 0, where, "memory");
            }
            assertThat(number(all.get(all.size() - 1), sessions)).isGreaterThan(number(all.get(0), sessions));
        }
    }

    @Test
    void perNodeValuesDoNotDependOnTheNodeCount() {
        List<String> perNode = List.of("yarn.nodemanager.resource.memory-mb", "hive.tez.container.size",
                "tez.am.resource.memory.mb", "hive.auto.convert.join.noconditionaltask.size", "spark.executor.memory");
        for (InstanceType type : types) {
            ClusterSizing one = SizingRules.size(new ClusterShape(type, 1, type));
            ClusterSizing many = SizingRules.size(new ClusterShape(type, MAX_NODES, type));
            perNode.forEach(key -> assertThat(many.value(key)).as(key).isEqualTo(one.value(key)));
        }
    }

    @Test
    void nothingIsZeroOrNegative() {
        for (InstanceType type : types) {
            for (ClusterSizing s : sizingsOf(type)) {
                String where = s.shape().coreCount() + " x " + type.name();
                check(s.classifications().size() == Classification.values().length, where, "a classification");
                for (Setting setting : s.settings()) {
                    check(!setting.rule().isBlank(), where, setting.key() + " has no rule");
                    if (!setting.value().equals("false")) {
                        check(number(s, setting.key()) > 0, where, setting.key() + " is not positive");
                    }
                }
            }
        }
    }

    @Test
    void theReserveGrowsWithNodeMemory() {
        List<InstanceType> byMemory = types.stream().sorted(Comparator.comparing(InstanceType::memory)).toList();
        for (int i = 1; i < byMemory.size(); i++) {
            assertThat(NodeLayout.reserveFor(byMemory.get(i).memory()))
                    .isGreaterThanOrEqualTo(NodeLayout.reserveFor(byMemory.get(i - 1).memory()));
        }
        assertThat(NodeLayout.reserveFor(DataSize.ofGibibytes(8))).isEqualTo(DataSize.ofGibibytes(2));
        assertThat(NodeLayout.reserveFor(DataSize.ofGibibytes(64))).isEqualTo(DataSize.ofGibibytes(8));
        assertThat(NodeLayout.reserveFor(DataSize.ofGibibytes(768))).isEqualTo(DataSize.ofGibibytes(96));
    }

    @Test
    void aSmallMasterCapsTheDriver() {
        InstanceCatalog catalog = InstanceCatalog.bundled();
        InstanceType core = catalog.require("m5.4xlarge", "instance type");
        ClusterSizing small = SizingRules.size(new ClusterShape(core, 10, catalog.require("m5.xlarge", "m")));
        ClusterSizing same = SizingRules.size(new ClusterShape(core, 10, core));
        assertThat(small.value("spark.driver.memory")).isEqualTo("4096m");
        assertThat(same.value("spark.driver.memory")).isEqualTo(same.value("spark.executor.memory"));
    }

    /** A plain check: AssertJ per value would make the 14,600 sizings slow to walk. */
    private static void check(boolean condition, String where, String what) {
        if (!condition) {
            throw new AssertionError(what + " on " + where);
        }
    }
}
