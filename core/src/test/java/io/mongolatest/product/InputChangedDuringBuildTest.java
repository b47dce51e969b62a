package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;

/**
 * An input file rewritten in place during the build (same path, size and inode, as {@code dd conv=notrunc}
 * does), between pass 1 and pass 2: the build fails naming the file and publishes nothing, whether the
 * file's modification time shows the change or was set back.
 */
class InputChangedDuringBuildTest extends HarnessTest {
    private static final String FILE = LatestRulesTest.FULL + "a.json";
    private static final String PASS_1_OVER = "core_contract: versions read";
    private static final List<String> BEFORE = List.of(
            "{\"_id\": \"a\", \"v\": \"one\"}",
            "{\"_id\": \"b\", \"v\": \"two\"}",
            "{\"_id\": \"c\", \"v\": \"six\"}");
    /** The same size and line lengths, the ids moved to other lines. */
    private static final List<String> AFTER = List.of(
            "{\"_id\": \"c\", \"v\": \"one\"}",
            "{\"_id\": \"a\", \"v\": \"two\"}",
            "{\"_id\": \"b\", \"v\": \"six\"}");

    /** The published rows of an earlier build: what a failed build must leave as it was. */
    private List<List<Object>> published() {
        return h.query("SELECT id, val FROM uc_mongo_latest.core_contract ORDER BY id").rows();
    }

    /** Builds, rewriting {@link #FILE} in place when pass 1 is over; the time set back when {@code sameTime}. */
    private void buildRewritingBetweenPasses(boolean sameTime) {
        Path file = h.input.resolve(FILE);
        h.onProgress = m -> {
            if (m.startsWith(PASS_1_OVER)) {
                rewriteInPlace(file, String.join("\n", AFTER) + "\n", sameTime);
            }
        };
        try {
            h.build();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            h.onProgress = m -> { };
        }
    }

    static void rewriteInPlace(Path file, String content, boolean sameTime) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            Object inode = Files.getAttribute(file, "unix:ino");
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes).hasSize((int) Files.size(file));
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.write(bytes); // over the old bytes: no truncation, no new file
            }
            // a change within the same millisecond would keep the time: make it show, or set it back
            Files.setLastModifiedTime(file, sameTime ? time : FileTime.fromMillis(time.toMillis() + 2000));
            assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertFailsNamingTheFile(boolean sameTime) throws Exception {
        in.file(FILE, BEFORE.toArray(String[]::new));
        h.build();
        List<List<Object>> before = published();
        assertThat(before).hasSize(3);
        Files.setLastModifiedTime(h.input.resolve(FILE), FileTime.fromMillis(1_700_000_000_000L));
        Throwable thrown = catchThrowable(() -> buildRewritingBetweenPasses(sameTime));
        assertThat(thrown).as("the build published %s", published()).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("input file " + FILE + " changed during the build")
                .hasMessageContaining(sameTime ? "is no longer the document read before" : "1700000002000");
        assertThat(published()).as("nothing published").isEqualTo(before);
        assertThat(h.build().totals().rows()).as("the rewritten file builds on the next run").isEqualTo(3);
        assertThat(published()).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                "\"a\" " + AFTER.get(1), "\"b\" " + AFTER.get(2), "\"c\" " + AFTER.get(0));
    }

    @Test
    void aFileRewrittenInPlaceBetweenThePassesFailsTheBuild() throws Exception {
        assertFailsNamingTheFile(false);
    }

    @Test
    void soDoesOneWhoseTimeWasSetBackCaughtByTheIdsOfItsLines() throws Exception {
        assertFailsNamingTheFile(true);
    }

    @Test
    void aFileChangedSinceTheInputWasSelectedFailsTheBuild() throws Exception {
        in.file(FILE, BEFORE.toArray(String[]::new));
        h.build();
        List<List<Object>> before = published();
        Path file = h.input.resolve(FILE);
        // the step reads the input listed when the run began; the file changes after that, before pass 1
        h.onProgress = m -> {
            if (m.startsWith("reading ")) {
                rewriteInPlace(file, String.join("\n", AFTER) + "\n", false);
            }
        };
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("input file " + FILE + " changed during the build");
        assertThat(published()).isEqualTo(before);
    }
}
