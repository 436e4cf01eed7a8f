package io.localvpc.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Reads and writes SDK shapes as AWS JSON 1.0/1.1 bodies: keys are the members' location names and
 * timestamps are epoch seconds, which may carry a fraction.
 */
public final class JsonShapeCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper mapper;

    public JsonShapeCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Class<T> shape, byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? NODES.objectNode() : mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new WireFormatException("The request body is not valid JSON.");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = NODES.objectNode();
        }
        if (!root.isObject()) {
            throw new WireFormatException("The request body must be a JSON object.");
        }
        SdkPojo builder = SdkShapes.newBuilder(shape);
        readInto(builder, root);
        return SdkShapes.build(builder);
    }

    private void readInto(SdkPojo builder, JsonNode object) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode node = object.get(field.locationName());
            if (node != null && !node.isNull()) {
                field.set(builder, readValue(field, node));
            }
        }
    }

    private Object readValue(SdkField<?> field, JsonNode node) {
        MarshallingType<?> type = field.marshallingType();
        String name = field.locationName();
        if (type == MarshallingType.SDK_POJO) {
            expect(node.isObject(), name, node);
            SdkPojo child = field.constructor().get();
            readInto(child, node);
            return SdkShapes.build(child);
        }
        if (type == MarshallingType.LIST) {
            expect(node.isArray(), name, node);
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isNull() ? null : readValue(member, item)));
            return items;
        }
        if (type == MarshallingType.MAP) {
            expect(node.isObject(), name, node);
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                map.put(entry.getKey(), entry.getValue().isNull() ? null : readValue(value, entry.getValue()));
            }
            return map;
        }
        if (type == MarshallingType.INSTANT && node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
        }
        if (type == MarshallingType.STRING) {
            expect(node.isTextual(), name, node);
        }
        if (type == MarshallingType.BOOLEAN) {
            expect(node.isBoolean(), name, node);
        }
        return QueryShapeReader.Scalars.parse(type, node.asText(), name);
    }

    private static void expect(boolean ok, String name, JsonNode node) {
        if (!ok) {
            throw new QueryShapeReader.InvalidValueException(name, node.toString());
        }
    }

    public ObjectNode write(SdkPojo shape) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : shape.sdkFields()) {
            Object value = field.getValueOrDefault(shape);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            object.set(field.locationName(), writeValue(field, value));
        }
        return object;
    }

    private JsonNode writeValue(SdkField<?> field, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof SdkPojo pojo) {
            return write(pojo);
        }
        if (value instanceof Collection<?> items) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(writeValue(member, item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), writeValue(member, v)));
            return object;
        }
        if (value instanceof Instant instant) {
            return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }
}
