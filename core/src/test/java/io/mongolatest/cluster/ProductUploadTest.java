package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

@ExtendWith(S3ProxyExtension.class)
class ProductUploadTest {
    private final S3Objects objects;
    private final URI root;

    ProductUploadTest(S3ProxyServer s3) {
        this.objects = s3.objects();
        this.root = URI.create(s3.createBucket().resolve("artefacts/product") + "/");
    }

    @Test
    void thePackageGoesToAFolderOfItsDigestWholeAndOnce() {
        ProductFiles files = ProductFiles.bundled();
        URI at = ProductUpload.upload(objects, root, files);
        assertThat(at.toString()).matches(java.util.regex.Pattern.quote(root.toString()) + "[0-9a-f]{16}/");
        assertThat(at).isEqualTo(ProductUpload.location(root, files));
        S3Location folder = S3Location.parse(at.toString().substring(0, at.toString().length() - 1));
        assertThat(objects.list(folder)).extracting(o -> o.keyBelow(folder))
                .containsExactlyInAnyOrderElementsOf(files.files().keySet());
        for (S3ObjectInfo o : objects.list(folder)) {
            assertThat(objects.read(folder.resolve(o.keyBelow(folder))).orElseThrow().body())
                    .isEqualTo(files.files().get(o.keyBelow(folder)));
        }
        String etag = objects.head(folder.resolve("pipeline.yaml")).orElseThrow().etag();
        assertThat(ProductUpload.upload(objects, root, files)).isEqualTo(at);
        assertThat(objects.head(folder.resolve("pipeline.yaml")).orElseThrow().etag()).isEqualTo(etag);
    }

    @Test
    void anyChangedByteIsAnotherFolder() {
        ProductFiles files = ProductFiles.bundled();
        TreeMap<String, byte[]> changed = new TreeMap<>(files.files());
        String sql = "steps/mongo-latest-views/10_statement_fact_v.sql";
        changed.put(sql, (new String(changed.get(sql), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ProductUpload.location(root, new ProductFiles("changed", changed)))
                .isNotEqualTo(ProductUpload.location(root, files));
        TreeMap<String, byte[]> renamed = new TreeMap<>(files.files());
        renamed.put("steps/mongo-latest-views/11_statement_fact_v.sql", renamed.remove(sql));
        assertThat(ProductUpload.location(root, new ProductFiles("renamed", renamed)))
                .isNotEqualTo(ProductUpload.location(root, files));
    }

    @Test
    void aDownloadIsThePackageUploadedAndRefusesOneChangedSince() {
        ProductFiles files = ProductFiles.bundled();
        URI at = ProductUpload.upload(objects, root, files);
        assertThat(ProductUpload.download(objects, at).files()).containsExactlyEntriesOf(files.files());
        S3Location folder = S3Location.parse(at.toString().substring(0, at.toString().length() - 1));
        objects.put(folder.resolve("steps/mongo-latest-views/10_statement_fact_v.sql"), "SELECT 1".getBytes(
                StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProductUpload.download(objects, at)).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("the product package at " + at + " is not the one its folder is named after");
        URI empty = URI.create(root + "0000000000000000/");
        assertThatThrownBy(() -> ProductUpload.download(objects, empty)).isInstanceOf(MongoLatestException.class)
                .hasMessage("no product package at " + empty + " (it has no pipeline.yaml)");
    }

    @Test
    void theRootMustBeOnS3() {
        assertThatThrownBy(() -> ProductUpload.location(URI.create("file:/tmp/product/"), ProductFiles.bundled()))
                .isInstanceOf(MongoLatestException.class).hasMessage("--product-location must be an s3:// folder, not"
                        + " file:/tmp/product/");
    }
}
