package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.setOf;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * What the provider's EC2 data sources share: the {@code filter} block, describe filters built
 * from arguments, tags and custom filters (none at all rather than an empty list), and the
 * provider's wording when a singular data source does not find exactly one result.
 */
final class DataSources {
    private DataSources() {}

    /** {@code filter { name = "…" values = [ … ] }}, any number of them. */
    static NestedBlock filterBlock() {
        return new NestedBlock("filter", NestedBlock.Nesting.SET, Schema.builder()
                .required("name", STRING)
                .required("values", setOf(STRING))
                .build(), 0, 0, false, false);
    }

    /**
     * The describe filters for {@code config}: one per argument given (API filter name to value;
     * empty values left out), one {@code tag:Key} per entry of {@code tags} when {@code tagged},
     * and the {@code filter} blocks. Null when there are none, as the provider sends none.
     */
    static List<Filter> filters(Map<String, String> arguments, Map<String, Object> config, boolean tagged) {
        List<Filter> filters = new ArrayList<>();
        arguments.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                filters.add(Filter.builder().name(name).values(value).build());
            }
        });
        if (tagged) {
            new TreeMap<>(Plain.stringMap(config, "tags")).forEach((key, value) ->
                    filters.add(Filter.builder().name("tag:" + key).values(value).build()));
        }
        for (Map<String, Object> block : Plain.blocks(config, "filter")) {
            filters.add(Filter.builder().name(Plain.string(block, "name")).values(Plain.strings(block, "values")).build());
        }
        return filters.isEmpty() ? null : filters;
    }

    /** Exactly one result, or {@code no matching EC2 VPC found} / {@code multiple EC2 VPCs matched; …}. */
    static <T> T single(String label, List<T> found) {
        if (found.isEmpty()) {
            throw new ProviderException("no matching " + label + " found");
        }
        if (found.size() > 1) {
            throw new ProviderException("multiple " + label + "s matched; use additional constraints to reduce matches to a single " + label);
        }
        return found.get(0);
    }

    /** The configured values in schema order, every attribute and block present. */
    static Map<String, Object> values(Schema schema, Map<String, Object> config) {
        return States.from(schema, config);
    }
}
