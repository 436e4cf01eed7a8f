package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The zero-value rule of the provider's older (plugin SDK v2) resources: an optional argument left
 * out reads back as its type's zero value ({@code ""}, {@code false}, {@code 0}, an empty list),
 * state stores that zero value, and Terraform plans no change between the two.
 */
public final class LegacyValues {
    private LegacyValues() {}

    /** {@code planned} with every unset optional argument whose stored value is the zero value kept as stored. */
    public static Map<String, Object> keepZeroValues(Schema schema, Map<String, Object> prior, Map<String, Object> planned) {
        if (prior == null) {
            return planned;
        }
        Map<String, Object> out = new LinkedHashMap<>(planned);
        for (Attribute a : schema.attributes().values()) {
            if (a.mode() == Attribute.Mode.OPTIONAL && out.get(a.name()) == null && isZero(prior.get(a.name()))) {
                out.put(a.name(), prior.get(a.name()));
            }
        }
        for (NestedBlock block : schema.blocks().values()) {
            List<Map<String, Object>> before = Plain.blocks(prior, block.name());
            List<Map<String, Object>> after = Plain.blocks(out, block.name());
            if (!after.isEmpty() && before.size() == after.size()) {
                List<Object> kept = new ArrayList<>();
                for (int i = 0; i < after.size(); i++) {
                    kept.add(keepZeroValues(block.schema(), before.get(i), after.get(i)));
                }
                out.put(block.name(), kept);
            }
        }
        return out;
    }

    static boolean isZero(Object value) {
        return "".equals(value) || Boolean.FALSE.equals(value)
                || value instanceof BigDecimal number && number.signum() == 0
                || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
    }
}
