package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds states the way the provider's SDK leaves them in {@code terraform.tfstate}: every schema
 * attribute present, an attribute the read sets to nothing stored as its zero value ({@code ""},
 * {@code 0}, {@code false}), and arguments the API never reports kept from the prior state.
 */
public final class States {
    private States() {}

    /**
     * A state in schema order holding {@code prior}'s values (null where it has none, or where the
     * plan left a value unknown: a computed value the read does not set is null after apply).
     */
    public static Map<String, Object> from(Schema schema, Map<String, Object> prior) {
        Map<String, Object> state = new LinkedHashMap<>();
        schema.attributes().keySet().forEach(name -> {
            Object value = prior == null ? null : prior.get(name);
            state.put(name, value == Unknown.VALUE ? null : value);
        });
        schema.blocks().keySet().forEach(name -> state.put(name, prior == null || prior.get(name) == null
                ? new ArrayList<>() : prior.get(name)));
        return state;
    }

    /** A string as the provider stores one it read: null becomes {@code ""}. */
    public static String str(String value) {
        return value == null ? "" : value;
    }

    public static boolean bool(Boolean value) {
        return value != null && value;
    }

    public static BigDecimal num(Integer value) {
        return BigDecimal.valueOf(value == null ? 0 : value);
    }

    /** An ARN the provider builds itself, e.g. {@code arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-1}. */
    public static String arn(AwsContext aws, String service, String accountId, String resource) {
        return "arn:aws:" + service + ":" + aws.region() + ":" + str(accountId) + ":" + resource;
    }

    /**
     * What the provider's SDK does to a plan: an optional argument left out of the configuration
     * keeps the zero value the last read stored, so {@code ""} in state against nothing in
     * configuration is no change. Blocks of a set or list get every left-out field as its zero value,
     * as SDK-v2 providers store them.
     */
    public static Map<String, Object> planned(Schema schema, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> out = new LinkedHashMap<>(proposed);
        if (prior != null) {
            schema.attributes().values().forEach(a -> {
                if (a.settable() && out.get(a.name()) == null && isZero(prior.get(a.name()))) {
                    out.put(a.name(), prior.get(a.name()));
                }
            });
        }
        schema.blocks().values().forEach(b -> {
            Object filled = zeroFilled(b, out.get(b.name()));
            out.put(b.name(), b.nesting() == NestedBlock.Nesting.SET ? set(filled) : filled);
        });
        schema.attributes().values().forEach(a -> {
            if (a.type() instanceof AttributeType.SetOf) {
                out.put(a.name(), set(out.get(a.name())));
            }
        });
        return out;
    }

    /**
     * A set in the one order LocalVPC keeps sets in (sorted by their text), so that a set read back
     * from AWS and the same set planned from configuration compare equal; other values unchanged.
     */
    public static Object set(Object value) {
        if (!(value instanceof List<?> list) || list.contains(Unknown.VALUE)) {
            return value;
        }
        List<Object> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(String::valueOf));
        return sorted;
    }

    /** The blocks of {@code value} with every absent field filled with its type's zero value. */
    public static Object zeroFilled(NestedBlock block, Object value) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        List<Object> out = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                Map<String, Object> filled = new LinkedHashMap<>();
                for (Attribute a : block.schema().attributes().values()) {
                    Object v = map.get(a.name());
                    filled.put(a.name(), v == null ? zero(a.type()) : v);
                }
                out.add(filled);
            } else {
                out.add(element);
            }
        }
        return out;
    }

    static Object zero(AttributeType type) {
        if (type == AttributeType.STRING) {
            return "";
        }
        if (type == AttributeType.NUMBER) {
            return BigDecimal.ZERO;
        }
        if (type == AttributeType.BOOL) {
            return false;
        }
        return type instanceof AttributeType.MapOf ? new LinkedHashMap<>() : new ArrayList<>();
    }

    private static boolean isZero(Object value) {
        return "".equals(value) || Boolean.FALSE.equals(value)
                || value instanceof BigDecimal n && n.signum() == 0
                || value instanceof List<?> l && l.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
