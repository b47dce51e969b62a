package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;

class LauncherPayloadTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 1, 11);

    @Test
    void theOriginalsPayloadGivenDirectly() {
        LauncherPayload p = LauncherPayload.read(new ByteArrayInputStream(("{\"correlation_id\":\"465b4688-x\","
                + "\"s3_prefix\":\"businessdata/mongo/ucdata/2022-01-10/incremental\",\"snapshot_type\":\"full\","
                + "\"export_date\":\"2022-01-10\"}").getBytes(StandardCharsets.UTF_8)), "payload");
        assertThat(p).isEqualTo(new LauncherPayload("465b4688-x", "businessdata/mongo/ucdata/2022-01-10/incremental",
                "full", "2022-01-10"));
        assertThat(p.checkedCorrelationId()).isEqualTo("465b4688-x");
        assertThat(p.s3PrefixIfSet()).contains("businessdata/mongo/ucdata/2022-01-10/incremental");
        assertThat(p.snapshotTypeOr(SnapshotType.INCREMENTAL)).isEqualTo(SnapshotType.FULL);
        assertThat(p.exportDateOr(TODAY)).isEqualTo(LocalDate.of(2022, 1, 10));
    }

    @Test
    void missingFieldsAreNotSetAsInTheOriginal() {
        LauncherPayload p = LauncherPayload.parse("{\"correlation_id\":\"run-1\",\"s3_prefix\":\"NOT_SET\"}", "p");
        assertThat(p).isEqualTo(new LauncherPayload("run-1", "NOT_SET", "NOT_SET", "NOT_SET"));
        assertThat(p.s3PrefixIfSet()).isEmpty();
        assertThat(p.snapshotTypeOr(SnapshotType.INCREMENTAL)).isEqualTo(SnapshotType.INCREMENTAL);
        assertThat(p.exportDateOr(TODAY)).isEqualTo(TODAY);
    }

    @Test
    void thePayloadAsAnSnsMessage() {
        String message = "{\"correlation_id\":\"run-2\",\"s3_prefix\":\"p\",\"snapshot_type\":\"incremental\","
                + "\"export_date\":\"2022-01-10\"}";
        LauncherPayload p = LauncherPayload.parse("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Type\":"
                + "\"Notification\",\"Message\":" + new TextNode(message) + "}}]}", "sns");
        assertThat(p).isEqualTo(new LauncherPayload("run-2", "p", "incremental", "2022-01-10"));
    }

    @Test
    void aPayloadOfTheOtherHandlerOrWithBadValuesIsAUserError() {
        assertThatThrownBy(() -> LauncherPayload.parse("{\"additional_step_args\":{}}", "p"))
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("p is not a launch request: it needs correlation_id and s3_prefix");
        LauncherPayload bad = LauncherPayload.parse("{\"correlation_id\":\"NOT_SET\",\"s3_prefix\":\"x\","
                + "\"snapshot_type\":\"delta\",\"export_date\":\"10/01/2022\"}", "p");
        assertThatThrownBy(bad::checkedCorrelationId).hasMessage("the launch request has no correlation_id");
        assertThatThrownBy(() -> bad.snapshotTypeOr(SnapshotType.FULL))
                .hasMessage("invalid snapshot type 'delta': use full or incremental");
        assertThatThrownBy(() -> bad.exportDateOr(TODAY)).hasMessage("invalid export date '10/01/2022': use YYYY-MM-DD");
        assertThatThrownBy(() -> LauncherPayload.parse("{\"correlation_id\":{\"a\":1},\"s3_prefix\":\"x\"}", "p"))
                .hasMessage("p: 'correlation_id' must be a single value");
    }
}
