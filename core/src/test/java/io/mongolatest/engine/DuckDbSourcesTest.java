package io.mongolatest.engine;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.LocalTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;

class DuckDbSourcesTest {
    @TempDir
    Path dir;

    private EngineSession open() {
        return new DuckDbEngine().open(new EngineSettings(dir, DataSize.ofMebibytes(256), dir.resolve("tmp"), 2, false),
                LocalTables.open(dir));
    }

    /** {@code splits} splits of {@code rows} rows each: (part, n, text, flag, stamp, on_day), some nulls. */
    private record Numbers(int splits, int rows, Set<String> closed) implements RowSource {
        Numbers(int splits, int rows) {
            this(splits, rows, ConcurrentHashMap.newKeySet());
        }

        @Override
        public List<SourceColumn> columns() {
            return List.of(new SourceColumn("part", ColumnType.INTEGER), new SourceColumn("n", ColumnType.BIGINT),
                    new SourceColumn("text", ColumnType.VARCHAR), new SourceColumn("flag", ColumnType.BOOLEAN),
                    new SourceColumn("stamp", ColumnType.TIMESTAMP), new SourceColumn("on_day", ColumnType.DATE));
        }

        @Override
        public int splitCount() {
            return splits;
        }

        @Override
        public SplitReader open(int split) {
            return new SplitReader() {
                int next;

                @Override
                public int read(RowBatch batch) {
                    int n = 0;
                    while (n < batch.capacity() && next < rows) {
                        batch.setLong(0, n, split);
                        batch.setLong(1, n, next);
                        batch.setText(2, n, next % 7 == 0 ? null : ("é" + next).getBytes(StandardCharsets.UTF_8));
                        batch.setBoolean(3, n, next % 2 == 0);
                        if (next % 5 == 0) {
                            batch.setNull(4, n);
                        } else {
                            batch.setLong(4, n, next * 1_000_001L);
                        }
                        batch.setLong(5, n, next);
                        n++;
                        next++;
                    }
                    return n;
                }

                @Override
                public void close() {
                    closed.add("split " + split);
                }
            };
        }
    }

    @Test
    void aSourceReadsAsATableOfEverySplit() {
        try (EngineSession s = open()) {
            Numbers numbers = new Numbers(5, 3000);
            rows(s).registerSource("numbers", numbers);
            assertThat(s.query("SELECT count(*), count(DISTINCT part), sum(n), count(text), count(stamp) FROM numbers").rows())
                    .containsExactly(List.of(15000L, 5L, new java.math.BigInteger("22492500"), 15000L - 5 * 429,
                            15000L - 5 * 600));
            assertThat(s.query("SELECT text, flag, stamp, on_day FROM numbers WHERE part = 3 AND n IN (6, 7) ORDER BY n").rows())
                    .containsExactly(
                            List.of("é6", true, java.time.OffsetDateTime.parse("1970-01-01T00:00:06.000006Z"),
                                    java.time.LocalDate.of(1970, 1, 7)),
                            java.util.Arrays.asList(null, false, java.time.OffsetDateTime.parse("1970-01-01T00:00:07.000007Z"),
                                    java.time.LocalDate.of(1970, 1, 8)));
            assertThat(numbers.closed()).hasSize(5);
            rows(s).dropSource("numbers");
            assertThatThrownBy(() -> s.query("SELECT * FROM numbers")).isInstanceOf(SqlFailure.class);
        }
    }

    @Test
    void aFailingSourceSurfacesItsOwnError() {
        try (EngineSession s = open()) {
            rows(s).registerSource("broken", new RowSource() {
                @Override
                public List<SourceColumn> columns() {
                    return List.of(new SourceColumn("n", ColumnType.BIGINT));
                }

                @Override
                public int splitCount() {
                    return 1;
                }

                @Override
                public SplitReader open(int split) {
                    return new SplitReader() {
                        @Override
                        public int read(RowBatch batch) throws IOException {
                            throw MongoLatestException.user("input file x.json is not gzip");
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
            });
            assertThatThrownBy(() -> s.query("SELECT count(*) FROM broken")).isInstanceOf(MongoLatestException.class)
                    .hasMessage("input file x.json is not gzip");
            assertThat(s.query("SELECT 1").single()).as("the session still works").isEqualTo(1);
        }
    }

    @Test
    void parquetWrittenFromASourceReadsBackWithItsTypes() throws IOException {
        try (EngineSession s = open()) {
            rows(s).registerSource("numbers", new Numbers(2, 100));
            TableName t = new TableName("db", "t");
            try (TableStore tables = LocalTables.open(dir)) {
                TableChange change = s.writeTable(t, "SELECT * FROM numbers");
                assertThat(change.rows()).isEqualTo(200);
                s.registerTable(t, LocalTables.commit(tables, change));
            }
            assertThat(s.query("DESCRIBE db.t").rows()).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                    "part INTEGER", "n BIGINT", "text VARCHAR", "flag BOOLEAN", "stamp TIMESTAMP WITH TIME ZONE", "on_day DATE");
            assertThat(s.relations("db")).containsExactly("t");
            s.dropRelation("db", "t");
            assertThat(s.relations("db")).isEmpty();
        }
    }

    private static RowSources rows(EngineSession s) {
        return s.capability(RowSources.class).orElseThrow();
    }
}
