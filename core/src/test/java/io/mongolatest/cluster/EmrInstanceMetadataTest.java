package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmrInstanceMetadataTest {
    private static void write(Path root, String file, String json) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, json);
    }

    @Test
    void notOnEmrThereIsNoClusterId(@TempDir Path root) {
        assertThat(new EmrInstanceMetadata(root).clusterId()).isEmpty();
    }

    @Test
    void theJobFlowFileComesFirst(@TempDir Path root) throws IOException {
        write(root, "mnt/var/lib/info/job-flow.json", "{\"jobFlowId\":\"j-2AXXXXXXGAPLF\",\"jobFlowCreationInstant\":"
                + "1429046932628,\"instanceCount\":2,\"masterInstanceId\":\"i-08dea4f4\"}");
        write(root, "mnt/var/lib/info/extraInstanceData.json", "{\"jobFlowId\":\"j-OTHER\"}");
        assertThat(new EmrInstanceMetadata(root).clusterId()).contains("j-2AXXXXXXGAPLF");
    }

    @Test
    void theInstanceControllersCopyIsReadWhenTheOthersAreMissingOrOdd(@TempDir Path root) throws IOException {
        write(root, "mnt/var/lib/info/job-flow.json", "{ not json");
        write(root, "mnt/var/lib/info/extraInstanceData.json", "{\"jobFlowId\":\"not-a-cluster-id\"}");
        write(root, "emr/instance-controller/lib/info/extraInstanceData.json", "{\"instanceRole\":\"MASTER\","
                + "\"jobFlowId\":\"j-3BCDEFGH\",\"marketType\":\"ON_DEMAND\",\"region\":\"eu-west-2\"}");
        assertThat(new EmrInstanceMetadata(root).clusterId()).contains("j-3BCDEFGH");
    }
}
