package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import io.localvpc.testing.LocalVpcServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drives resource types the way the Terraform engine does, for tests: configuration to proposed
 * values (defaults applied, computed values carried over from state or unknown), plan, create,
 * and the comparison that decides between "No changes", an in-place update and a replacement.
 * Pointed at a {@link LocalVpcServer} with no state delay so the types' waiters finish at once.
 */
public final class ProviderHarness {
    public static final String REGION = LocalVpcServer.REGION.id();

    private final AwsContext aws;

    public ProviderHarness(LocalVpcServer server) {
        this(server, Map.of());
    }

    public ProviderHarness(LocalVpcServer server, Map<String, String> defaultTags) {
        this.aws = new AwsContext(server.localVpc().endpoint(), REGION, "test", "test", defaultTags);
    }

    public AwsContext aws() {
        return aws;
    }

    /** A server for one test class whose resources are ready on the next read. */
    public static LocalVpcServer server() {
        return new LocalVpcServer().withStateDelay(java.time.Duration.ZERO);
    }

    /** Configuration as a map, from alternating names and values. */
    public static Map<String, Object> config(Object... namesAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            config.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return config;
    }

    public static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }

    /** Plans and creates, as {@code terraform apply} does for a new resource. */
    public Map<String, Object> create(ResourceType type, Map<String, Object> config) {
        Map<String, Object> planned = type.plan(aws, null, proposed(type.schema(), null, config));
        return type.create(aws, planned);
    }

    /** The plan for {@code config} over {@code state}, as a second {@code terraform plan} makes it. */
    public Map<String, Object> plan(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        return type.plan(aws, state, proposed(type.schema(), state, config));
    }

    /** Refreshes, then plans: the attributes that would change (empty means "No changes"). */
    public Set<String> changes(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        Map<String, Object> refreshed = type.read(aws, state).orElseThrow(() -> new AssertionError("resource is gone"));
        return changed(type.schema(), refreshed, plan(type, refreshed, config));
    }

    /** Whether applying {@code changes} would replace the resource rather than update it. */
    public static boolean replaces(ResourceType type, Set<String> changes) {
        Schema schema = type.schema();
        return changes.stream().anyMatch(name -> schema.attributes().containsKey(name)
                ? schema.attributes().get(name).forceNew()
                : schema.blocks().get(name).forceNew());
    }

    /** Applies {@code config} to an existing resource in place (after checking the plan allows it). */
    public Map<String, Object> update(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        Map<String, Object> planned = plan(type, state, config);
        Set<String> changes = changed(type.schema(), state, planned);
        if (replaces(type, changes)) {
            throw new AssertionError("the plan replaces " + type.typeName() + ": " + changes);
        }
        return type.update(aws, state, planned);
    }

    public Optional<Map<String, Object>> read(ResourceType type, Map<String, Object> state) {
        return type.read(aws, state);
    }

    public void delete(ResourceType type, Map<String, Object> state) {
        type.delete(aws, state);
    }

    static Set<String> changed(Schema schema, Map<String, Object> prior, Map<String, Object> planned) {
        Set<String> changed = new LinkedHashSet<>();
        for (String name : schema.attributes().keySet()) {
            if (!same(prior.get(name), planned.get(name))) {
                changed.add(name);
            }
        }
        for (String name : schema.blocks().keySet()) {
            if (!same(prior.get(name), planned.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    static boolean same(Object a, Object b) {
        return Plain.same(a, b);
    }

    /** The engine's proposed new state: configured values, defaults, and computed values from {@code prior} or unknown. */
    static Map<String, Object> proposed(Schema schema, Map<String, Object> prior, Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : schema.attributes().values()) {
            if (a.settable() && config.containsKey(a.name()) && config.get(a.name()) != null) {
                out.put(a.name(), config.get(a.name()));
            } else if (a.settable() && a.defaultValue() != null) {
                out.put(a.name(), a.defaultValue());
            } else if (a.computed()) {
                out.put(a.name(), prior == null ? Unknown.VALUE : prior.get(a.name()));
            } else {
                out.put(a.name(), null);
            }
        }
        for (NestedBlock block : schema.blocks().values()) {
            Object configured = config.get(block.name());
            if (configured instanceof List<?> blocks && !blocks.isEmpty()) {
                List<Object> proposedBlocks = new ArrayList<>();
                List<?> priorBlocks = prior != null && prior.get(block.name()) instanceof List<?> l ? l : List.of();
                for (int i = 0; i < blocks.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> blockConfig = (Map<String, Object>) blocks.get(i);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> blockPrior = i < priorBlocks.size() ? (Map<String, Object>) priorBlocks.get(i) : null;
                    proposedBlocks.add(proposed(block.schema(), blockPrior, blockConfig));
                }
                out.put(block.name(), proposedBlocks);
            } else if (block.computed()) {
                out.put(block.name(), prior == null ? Unknown.VALUE : prior.get(block.name()));
            } else {
                out.put(block.name(), new ArrayList<>());
            }
        }
        return out;
    }
}
