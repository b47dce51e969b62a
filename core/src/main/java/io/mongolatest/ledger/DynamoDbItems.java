package io.mongolatest.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ledger rows as DynamoDB items, with the attribute names and types of SPEC §6. The field list is the one of
 * {@link LedgerJson#rowMap}: text becomes S, numbers N, lists L and maps M; null values are left out.
 */
final class DynamoDbItems {
    static final String HASH_KEY = "Correlation_Id";
    static final String RANGE_KEY = "DataProduct";

    private DynamoDbItems() {
    }

    static Map<String, AttributeValue> key(RunKey key) {
        return Map.of(HASH_KEY, AttributeValue.fromS(key.correlationId()),
                RANGE_KEY, AttributeValue.fromS(key.dataProduct()));
    }

    static Map<String, AttributeValue> toItem(LedgerRow row) {
        Map<String, Object> map = LedgerJson.rowMap(row);
        if (row.lease() != null) {
            // A number here, so that conditions and TTL-style tooling can compare it.
            map.put("Lease_Expires", row.lease().expiresAt().toEpochMilli());
        }
        return toMap(map);
    }

    static LedgerRow fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> map = new LinkedHashMap<>();
        item.forEach((name, value) -> map.put(name, fromValue(value)));
        return LedgerJson.rowFromMap(map);
    }

    private static Map<String, AttributeValue> toMap(Map<String, ?> map) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (value != null) {
                out.put(name, toValue(value));
            }
        });
        return out;
    }

    private static AttributeValue toValue(Object value) {
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(DynamoDbItems::toValue).toList());
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) map;
            return AttributeValue.fromM(toMap(fields));
        }
        throw new IllegalArgumentException("no DynamoDB type for " + value.getClass().getName());
    }

    private static Object fromValue(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case L -> value.l().stream().map(DynamoDbItems::fromValue).toList();
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.m().forEach((k, v) -> map.put(k, fromValue(v)));
                yield map;
            }
            // Booleans, sets, binaries and NULL are none of ours: another tool's attributes, read as absent.
            default -> null;
        };
    }
}
