package io.mongolatest.cluster;

import java.util.List;
import java.util.Set;

import io.mongolatest.MongoLatestException;
import io.mongolatest.sizing.ClusterShape;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.yaml.YamlMapping;

/** The {@code instances} section of a profile: the two fleets, the network, keep-alive. */
final class InstancesYaml {
    private static final Set<String> VOLUME_TYPES = Set.of("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard");

    private final InstanceCatalog catalog;

    InstancesYaml(InstanceCatalog catalog) {
        this.catalog = catalog;
    }

    InstanceSettings parse(YamlMapping m) {
        InstanceSettings.Fleet master = fleet(m.mapping("master", Set.of("instance_type", "ebs"), Set.of()), false);
        InstanceSettings.Fleet core = fleet(m.mapping("core", Set.of("instance_type", "count", "ebs"), Set.of()),
                true);
        List<String> subnets = m.strings("subnet_ids");
        if (subnets.isEmpty()) {
            throw m.error("subnet_ids", "subnet_ids must list at least one subnet");
        }
        YamlMapping sg = m.mapping("security_groups", Set.of("emr_managed_master", "emr_managed_slave"),
                Set.of("service_access", "additional_master", "additional_slave"));
        InstanceSettings.SecurityGroups groups = new InstanceSettings.SecurityGroups(sg.text("emr_managed_master"),
                sg.text("emr_managed_slave"), sg.optionalText("service_access"), sg.strings("additional_master"),
                sg.strings("additional_slave"));
        return new InstanceSettings(master, core, subnets, groups, m.bool("keep_alive_when_no_steps"));
    }

    private InstanceSettings.Fleet fleet(YamlMapping m, boolean counted) {
        String type = m.text("instance_type");
        try {
            catalog.require(type, "instance type");
        } catch (MongoLatestException e) {
            throw m.error("instance_type", e.getMessage());
        }
        int count = counted ? m.integer("count", ClusterShape.MIN_CORE_NODES, ClusterShape.MAX_CORE_NODES) : 1;
        YamlMapping ebs = m.mapping("ebs", Set.of("size_gb", "volume_type"), Set.of("volumes_per_instance"));
        return new InstanceSettings.Fleet(type, count, new InstanceSettings.Ebs(ebs.integer("size_gb", 1, 16384),
                ebs.choice("volume_type", VOLUME_TYPES), ebs.integer("volumes_per_instance", 1, 25, 1)));
    }
}
