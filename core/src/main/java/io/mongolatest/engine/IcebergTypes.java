package io.mongolatest.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * DuckDB's column types and the Iceberg types a table holds them as: only those DuckDB writes to Parquet as
 * Iceberg's spec expects, and reads back unchanged. Nested types are not among them.
 */
final class IcebergTypes {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
    private static final Map<String, Type> PLAIN = Map.ofEntries(
            Map.entry("BOOLEAN", Types.BooleanType.get()),
            // Written as INT32 with no 8/16-bit annotation: the file holds the cast to INTEGER (see ofIceberg).
            Map.entry("TINYINT", Types.IntegerType.get()),
            Map.entry("SMALLINT", Types.IntegerType.get()),
            Map.entry("INTEGER", Types.IntegerType.get()),
            Map.entry("BIGINT", Types.LongType.get()),
            Map.entry("FLOAT", Types.FloatType.get()),
            Map.entry("DOUBLE", Types.DoubleType.get()),
            Map.entry("VARCHAR", Types.StringType.get()),
            Map.entry("BLOB", Types.BinaryType.get()),
            Map.entry("DATE", Types.DateType.get()),
            Map.entry("TIME", Types.TimeType.get()),
            Map.entry("TIMESTAMP", Types.TimestampType.withoutZone()),
            Map.entry("TIMESTAMP WITH TIME ZONE", Types.TimestampType.withZone()),
            // FIXED_LEN_BYTE_ARRAY(16) with the UUID annotation, as Iceberg's spec has it.
            Map.entry("UUID", Types.UUIDType.get()));
    /** What to CAST a refused type to, by the start of its name. */
    private static final Map<String, String> INSTEAD = Map.of("HUGEINT", "DECIMAL(38,0)", "UHUGEINT", "DECIMAL(38,0)",
            "UBIGINT", "DECIMAL(20,0)", "UINTEGER", "BIGINT", "USMALLINT", "INTEGER", "UTINYINT", "INTEGER",
            "TIMESTAMP_NS", "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP");

    private IcebergTypes() {
    }

    /** The Iceberg type of a DuckDB type as DESCRIBE names it; empty when a table cannot hold it. */
    static Optional<Type> ofDuckDb(String duckDbType) {
        String t = duckDbType.strip().toUpperCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            return Optional.of(Types.DecimalType.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.ofNullable(PLAIN.get(t));
    }

    /** The type to CAST {@code duckDbType} to instead, for the message refusing it. */
    static String castInstead(String duckDbType) {
        String t = duckDbType.strip().toUpperCase(Locale.ROOT);
        return INSTEAD.getOrDefault(t, "VARCHAR");
    }

    /** The DuckDB type that reads and writes {@code type}; empty for a type DuckDB does not hold here. */
    static Optional<String> ofIceberg(Type type) {
        return Optional.ofNullable(switch (type.typeId()) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ","
                    + ((Types.DecimalType) type).scale() + ")";
            case STRING -> "VARCHAR";
            case BINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
            case UUID -> "UUID";
            default -> null;
        });
    }
}
