package io.mongolatest.engine.spark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import io.mongolatest.engine.QueryResult;

/**
 * Collected Spark rows as the Java values DuckDB's JDBC driver gives for the same SQL types, so that the
 * product's code reads both alike: instants as {@link OffsetDateTime} (here always in UTC), dates as
 * {@link java.time.LocalDate}, decimals as {@link java.math.BigDecimal}, arrays as lists.
 */
final class SparkValues {
    private SparkValues() {
    }

    static QueryResult result(StructType schema, List<Row> rows) {
        List<String> columns = Arrays.asList(schema.fieldNames());
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> row = new ArrayList<>(r.size());
            for (int i = 0; i < r.size(); i++) {
                row.add(r.isNullAt(i) ? null : value(r.get(i)));
            }
            out.add(row);
        }
        return new QueryResult(columns, out);
    }

    static Object value(Object v) {
        if (v instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        // Only if a statement turned the java.time results off (SET): the same instants and days.
        if (v instanceof Timestamp t) {
            return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> list = new ArrayList<>(seq.size());
            for (Object e : scala.jdk.javaapi.CollectionConverters.asJava(seq)) {
                list.add(e == null ? null : value(e));
            }
            return list;
        }
        return v;
    }
}
