package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mongolatest.storage.StorageSettings;

/** Which file system {@code s3://} is: EMRFS left alone on EMR, S3A elsewhere, an operator's setting kept. */
class HadoopS3SettingsTest {
    private static final StorageSettings ENDPOINT = StorageSettings.of("http://127.0.0.1:9000");

    @Test
    void onEmrNothingIsSetSoThatS3IsEmrfsWithTheClustersEncryption() {
        assertThat(HadoopS3Settings.of(ENDPOINT, true, Map.of())).isEmpty();
        assertThat(HadoopS3Settings.of(StorageSettings.defaults(), true, Map.of())).isEmpty();
    }

    @Test
    void offEmrS3IsS3aWithTheAwsChainOrPathStyleRequestsToTheEndpoint() {
        assertThat(HadoopS3Settings.of(StorageSettings.defaults(), false, Map.of()))
                .containsEntry("fs.s3.impl", HadoopS3Settings.S3A)
                .containsEntry("fs.s3a.aws.credentials.provider", HadoopS3Settings.AWS_CREDENTIALS)
                .containsEntry("mapreduce.fileoutputcommitter.algorithm.version", "2")
                .doesNotContainKeys("fs.s3a.endpoint", "fs.s3a.path.style.access");
        assertThat(HadoopS3Settings.of(ENDPOINT, false, Map.of()))
                .containsEntry("fs.s3.impl", HadoopS3Settings.S3A)
                .containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000")
                .containsEntry("fs.s3a.path.style.access", "true")
                .containsEntry("fs.s3a.connection.ssl.enabled", "false")
                .containsEntry("fs.s3a.aws.credentials.provider", HadoopS3Settings.ENDPOINT_CREDENTIALS);
        assertThat(HadoopS3Settings.of(StorageSettings.of("https://s3.example.test"), false, Map.of()))
                .containsEntry("fs.s3a.connection.ssl.enabled", "true");
    }

    @Test
    void whatTheOperatorSetIsKeptAndS3aGivenOnEmrIsConfigured() {
        assertThat(HadoopS3Settings.of(ENDPOINT, false, Map.of("fs.s3a.endpoint", "http://other:1")))
                .doesNotContainKey("fs.s3a.endpoint").containsEntry("fs.s3a.path.style.access", "true");
        assertThat(HadoopS3Settings.of(ENDPOINT, false, Map.of("fs.s3.impl", "com.example.OtherFileSystem")))
                .isEmpty();
        assertThat(HadoopS3Settings.of(ENDPOINT, true, Map.of("fs.s3.impl", HadoopS3Settings.S3A)))
                .doesNotContainKey("fs.s3.impl").containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000");
    }
}
