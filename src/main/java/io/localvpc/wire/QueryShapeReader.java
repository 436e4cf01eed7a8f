package io.localvpc.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Builds a typed SDK request from form parameters, driven only by the request class's field
 * metadata. One reader serves every action of EC2, IAM and STS.
 */
public final class QueryShapeReader {
    private final QueryDialect dialect;

    public QueryShapeReader(QueryDialect dialect) {
        this.dialect = dialect;
    }

    public <T> T read(Class<T> shape, FormParams params) {
        SdkPojo builder = SdkShapes.newBuilder(shape);
        readInto(builder, "", params);
        return SdkShapes.build(builder);
    }

    private void readInto(SdkPojo builder, String prefix, FormParams params) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = readValue(field, prefix + dialect.requestName(field), params);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private Object readValue(SdkField<?> field, String name, FormParams params) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            if (!params.hasAnyUnder(name + ".")) {
                return null;
            }
            SdkPojo child = field.constructor().get();
            readInto(child, name + ".", params);
            return SdkShapes.build(child);
        }
        if (type == MarshallingType.LIST) {
            return readList(field, name, params);
        }
        if (type == MarshallingType.MAP) {
            return readMap(field, name, params);
        }
        String raw = params.get(name);
        return raw == null ? null : Scalars.parse(type, raw, name);
    }

    private List<Object> readList(SdkField<?> field, String name, FormParams params) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        String itemPrefix = dialect.listPrefix(name);
        var indices = params.indicesUnder(itemPrefix);
        if (indices.isEmpty()) {
            // awsQuery sends an empty list as "Name="; SDK v1 does the same for EC2. Both mean "empty".
            return params.has(name) ? new ArrayList<>() : null;
        }
        List<Object> items = new ArrayList<>(indices.size());
        for (int index : indices) {
            Object item = readValue(member, itemPrefix + index, params);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private Map<String, Object> readMap(SdkField<?> field, String name, FormParams params) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String entryPrefix = name + ".entry.";
        var indices = params.indicesUnder(entryPrefix);
        if (indices.isEmpty()) {
            return params.has(name) ? new LinkedHashMap<>() : null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index : indices) {
            String entry = entryPrefix + index + ".";
            String key = params.get(entry + trait.keyLocationName());
            Object value = readValue(trait.valueFieldInfo(), entry + trait.valueLocationName(), params);
            if (key != null) {
                map.put(key, value);
            }
        }
        return map;
    }

    /** Scalar conversions shared by the query reader and the JSON codec. */
    static final class Scalars {
        private Scalars() {}

        static Object parse(MarshallingType<?> type, String raw, String name) {
            try {
                if (type == MarshallingType.STRING) {
                    return raw;
                } else if (type == MarshallingType.INTEGER) {
                    return Integer.valueOf(raw.trim());
                } else if (type == MarshallingType.LONG) {
                    return Long.valueOf(raw.trim());
                } else if (type == MarshallingType.DOUBLE) {
                    return Double.valueOf(raw.trim());
                } else if (type == MarshallingType.FLOAT) {
                    return Float.valueOf(raw.trim());
                } else if (type == MarshallingType.BIG_DECIMAL) {
                    return new BigDecimal(raw.trim());
                } else if (type == MarshallingType.SHORT) {
                    return Short.valueOf(raw.trim());
                } else if (type == MarshallingType.BYTE) {
                    return Byte.valueOf(raw.trim());
                } else if (type == MarshallingType.BOOLEAN) {
                    return parseBoolean(raw, name);
                } else if (type == MarshallingType.INSTANT) {
                    return parseInstant(raw);
                } else if (type == MarshallingType.SDK_BYTES) {
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(raw.trim()));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new InvalidValueException(name, raw);
            }
            throw new InvalidValueException(name, raw);
        }

        private static Boolean parseBoolean(String raw, String name) {
            if ("true".equalsIgnoreCase(raw.trim())) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(raw.trim())) {
                return Boolean.FALSE;
            }
            throw new InvalidValueException(name, raw);
        }

        /** ISO-8601 with any number of fraction digits, or epoch seconds (integer or decimal). */
        static Instant parseInstant(String raw) {
            String text = raw.trim();
            if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) && !text.contains("-"))) {
                BigDecimal seconds = new BigDecimal(text);
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            return java.time.OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z")
                    .toInstant();
        }
    }

    /** A parameter whose text does not fit its declared type. */
    public static final class InvalidValueException extends RuntimeException {
        private final String parameter;
        private final String value;

        InvalidValueException(String parameter, String value) {
            super("Value (" + value + ") for parameter " + parameter + " is invalid.", null, false, false);
            this.parameter = parameter;
            this.value = value;
        }

        public String parameter() {
            return parameter;
        }

        public String value() {
            return value;
        }
    }
}
