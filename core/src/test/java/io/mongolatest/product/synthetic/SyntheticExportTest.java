package io.mongolatest.product.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;

class SyntheticExportTest {
    private static final LocalDate DATE = LocalDate.of(2024, 3, 4);

    @TempDir
    Path dir;

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    @Test
    void theSameOptionsWriteTheSameBytes() throws Exception {
        SyntheticExport.Options o = new SyntheticExport.Options(4000, 11, DATE, 0.01, 2);
        SyntheticExport.Summary a = SyntheticExport.write(dir.resolve("a"), o);
        SyntheticExport.write(dir.resolve("b"), new SyntheticExport.Options(4000, 11, DATE, 0.01, 1));
        assertThat(digests(dir.resolve("a"))).isEqualTo(digests(dir.resolve("b"))).hasSize(a.files());
        SyntheticExport.write(dir.resolve("c"), new SyntheticExport.Options(4000, 12, DATE, 0.01, 2));
        assertThat(digests(dir.resolve("c"))).isNotEqualTo(digests(dir.resolve("a")));
    }

    @Test
    void writesExactlyTheDocumentsAskedForInSnapshotsUpToTheExportDate() throws IOException {
        SyntheticExport.Summary s = SyntheticExport.write(dir, new SyntheticExport.Options(1234, 1, DATE, 0, 2));
        assertThat(s.documents()).isEqualTo(1234);
        assertThat(s.badLines()).isZero();
        assertThat(s.snapshots()).containsExactly("full/2024-03-01_01-00-00", "incremental/2024-03-02_01-00-00",
                "incremental/2024-03-03_01-00-00", "incremental/2024-03-04_01-00-00");
        assertThat(dir.resolve("full/2024-03-01_01-00-00/core/statement/part-00000.jsonl.gz")).isRegularFile();
        assertThat(dir.resolve("incremental/2024-03-02_01-00-00/accepted-data/personDetails/part-00000.json"))
                .isRegularFile();
    }

    @Test
    void refusesToWriteOverSomething() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> SyntheticExport.write(dir, new SyntheticExport.Options(10, 1, DATE, 0, 1)))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("is not empty");
    }
}
