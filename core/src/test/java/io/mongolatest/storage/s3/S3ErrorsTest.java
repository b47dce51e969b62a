package io.mongolatest.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the operator sees when S3 is set up wrong or does not answer: one line, naming the location. */
@ExtendWith(S3ProxyExtension.class)
final class S3ErrorsTest {
    @Test
    void aMissingBucketIsAUserErrorNamingIt(S3ProxyServer s3, @TempDir Path dir) throws IOException {
        S3Objects objects = s3.objects();
        S3Location missing = S3Location.parse("s3://no-such-bucket/input/2024");
        Path file = Files.write(dir.resolve("f"), new byte[10]);
        S3Location elsewhere = s3.createBucket().resolve("x");

        for (ThrowingCallable call : List.<ThrowingCallable>of(() -> objects.list(missing),
                () -> objects.head(missing), () -> objects.open(missing), () -> objects.put(missing, new byte[1]),
                () -> objects.upload(file, missing), () -> objects.deletePrefix(missing),
                () -> objects.copyPrefix(missing, elsewhere))) {
            assertOneLine(call, ErrorKind.USER, "the bucket no-such-bucket does not exist in S3 at " + s3.endpoint());
        }
        assertOneLine(() -> objects.list(missing), ErrorKind.USER, "cannot list s3://no-such-bucket/input/2024");
    }

    @Test
    void copyingToAMissingBucketNamesTheTarget(S3ProxyServer s3) {
        S3Objects objects = s3.objects();
        S3Location from = s3.createBucket().resolve("from");
        objects.put(from.resolve("a.parquet"), new byte[4]);

        assertOneLine(() -> objects.copyPrefix(from, S3Location.parse("s3://no-such-bucket/to")), ErrorKind.USER,
                "s3://no-such-bucket/to/a.parquet: the bucket no-such-bucket does not exist");
    }

    @Test
    void aWrongSecretIsDeniedAccess(S3ProxyServer s3) {
        String bucket = s3.createBucket().bucket();
        try (S3Client wrong = S3Clients.open(s3.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), "not-the-secret")))) {
            S3Objects objects = new S3Objects(wrong, S3TransferSettings.defaults());
            assertOneLine(() -> objects.list(S3Location.parse("s3://" + bucket + "/in")), ErrorKind.USER,
                    "cannot list s3://" + bucket + "/in: access denied by S3 at " + s3.endpoint());
            assertOneLine(() -> objects.put(S3Location.parse("s3://" + bucket + "/m"), new byte[1]),
                    ErrorKind.USER, "cannot write s3://" + bucket + "/m: access denied");
        }
    }

    @Test
    void anUnknownAccessKeyIsDeniedAccess(S3ProxyServer s3) {
        String bucket = s3.createBucket().bucket();
        try (S3Client stranger = S3Clients.open(s3.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("someone-else", s3.secretKey())))) {
            assertOneLine(() -> new S3Objects(stranger, S3TransferSettings.defaults())
                    .open(S3Location.parse("s3://" + bucket + "/in/a.json")), ErrorKind.USER, "access denied");
        }
    }

    @Test
    void noCredentialsFoundIsAUserErrorBeforeAnyCall(S3ProxyServer s3, @TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("credentials"), "[default]\n");
        AwsCredentialsProviderChain none = AwsCredentialsProviderChain.of(ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("default").build());

        assertOneLine(() -> S3Clients.open(s3.endpoint(), none), ErrorKind.USER,
                "no AWS credentials found for S3 at " + s3.endpoint());
    }

    @Test
    void anUnreachableEndpointIsExternal(S3ProxyServer s3) throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (S3Client client = S3Clients.open(closed, s3.credentials())) {
            S3Objects objects = new S3Objects(client, S3TransferSettings.defaults());
            assertOneLine(() -> objects.list(S3Location.parse("s3://some-bucket/in")), ErrorKind.EXTERNAL,
                    "cannot list s3://some-bucket/in: cannot reach S3 at " + closed);
            assertOneLine(() -> objects.put(S3Location.parse("s3://some-bucket/m"), new byte[1]),
                    ErrorKind.EXTERNAL, "cannot write s3://some-bucket/m: cannot reach S3 at " + closed);
        }
    }

    @Test
    void serverFailuresAreExternalAndAnotherRegionIsTheOperators() {
        S3Errors errors = new S3Errors(null);
        MongoLatestException unavailable = errors.translate("list", "s3://b-1/in", S3Exception.builder()
                .statusCode(503).awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown")
                        .errorMessage("Please reduce your request rate.\nMore.").build()).build());
        MongoLatestException moved = errors.translate("list", "s3://b-1/in", S3Exception.builder()
                .statusCode(301).awsErrorDetails(AwsErrorDetails.builder().errorCode("PermanentRedirect").build())
                .build());

        assertThat(unavailable.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(unavailable.getMessage()).isEqualTo("cannot list s3://b-1/in: AWS S3 answered HTTP 503 SlowDown: "
                + "Please reduce your request rate.");
        assertThat(moved.kind()).isEqualTo(ErrorKind.USER);
        assertThat(moved.getMessage()).contains("the bucket b-1 is in another region");
    }

    @Test
    void keysABatchDeleteLeftAreNamed() {
        S3Errors errors = new S3Errors(null);
        S3Location prefix = S3Location.parse("s3://b-1/old");
        MongoLatestException denied = errors.notDeleted(prefix, List.of(
                S3Error.builder().key("old/a").code("AccessDenied").message("Access Denied").build(),
                S3Error.builder().key("old/b").code("AccessDenied").message("Access Denied").build()));
        MongoLatestException failed = errors.notDeleted(prefix, List.of(
                S3Error.builder().key("old/a").code("InternalError").message("try again").build()));

        assertThat(denied.kind()).isEqualTo(ErrorKind.USER);
        assertThat(denied.getMessage()).isEqualTo("cannot delete s3://b-1/old/a below s3://b-1/old: AWS S3 answered "
                + "AccessDenied: Access Denied (and 1 more keys not deleted)");
        assertThat(failed.kind()).isEqualTo(ErrorKind.EXTERNAL);
    }

    private static void assertOneLine(ThrowingCallable call, ErrorKind kind, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(text).doesNotContain("\n");
        });
    }
}
