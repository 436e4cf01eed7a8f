package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.Lifecycle;
import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import io.localvpc.terraform.state.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proposed new state of an instance, as Terraform derives it before asking the provider:
 * arguments as configured (defaults where left out), computed attributes kept from the prior
 * state or unknown when there is none, ignored changes kept from the prior state; and the
 * comparison that turns prior and planned states into no-op, update or replacement.
 */
public final class Proposal {
    private Proposal() {}

    /** What applying a planned state over a prior one does, the names that differ and those that force replacement. */
    public record Decision(Action action, Set<String> changed, Set<String> forcing) {}

    public static Map<String, Object> proposed(Schema schema, Map<String, Object> config, Map<String, Object> prior, Lifecycle lifecycle) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute attribute : schema.attributes().values()) {
            String name = attribute.name();
            Object configured = config.get(name);
            Object before = prior == null ? Unknown.VALUE : prior.get(name);
            if (prior != null && lifecycle.ignores(name)) {
                out.put(name, prior.get(name));
                continue;
            }
            out.put(name, switch (attribute.mode()) {
                case REQUIRED, OPTIONAL -> configured != null ? configured : attribute.defaultValue();
                case OPTIONAL_COMPUTED -> configured != null ? configured : before;
                case COMPUTED -> before;
            });
        }
        if (!schema.attributes().containsKey("id")) {
            out.put("id", prior == null ? Unknown.VALUE : prior.get("id"));
        }
        for (NestedBlock block : schema.blocks().values()) {
            String name = block.name();
            Object configured = config.get(name);
            Object before = prior == null ? null : prior.get(name);
            if (prior != null && lifecycle.ignores(name)) {
                out.put(name, before);
            } else if (configured instanceof List<?> list && list.isEmpty() && block.computed()) {
                out.put(name, prior == null ? Unknown.VALUE : before);
            } else if (configured instanceof List<?> list) {
                List<Object> blocks = new ArrayList<>();
                List<?> priorBlocks = before instanceof List<?> p ? p : List.of();
                for (int i = 0; i < list.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> element = (Map<String, Object>) list.get(i);
                    Map<String, Object> priorElement = block.nesting() == NestedBlock.Nesting.SET
                            ? matching(priorBlocks, element)
                            : i < priorBlocks.size() ? asMap(priorBlocks.get(i)) : null;
                    blocks.add(proposedBlock(block.schema(), element, priorElement));
                }
                out.put(name, blocks);
            } else {
                out.put(name, configured);
            }
        }
        return out;
    }

    /** The prior element of a set block that agrees with every value the configuration sets in {@code element}. */
    private static Map<String, Object> matching(List<?> prior, Map<String, Object> element) {
        for (Object candidate : prior) {
            Map<String, Object> p = asMap(candidate);
            if (p != null && element.entrySet().stream().allMatch(e -> e.getValue() == null || Values.same(e.getValue(), p.get(e.getKey())))) {
                return p;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Map<String, Object> proposedBlock(Schema schema, Map<String, Object> config, Map<String, Object> prior) {
        Map<String, Object> out = proposed(schema, config, prior, Lifecycle.DEFAULT);
        if (!schema.attributes().containsKey("id")) {
            out.remove("id");
        }
        return out;
    }

    /** No-op, in-place update or replacement (in the order the lifecycle asks for) of {@code prior} by {@code planned}. */
    public static Decision decide(Schema schema, Map<String, Object> prior, Map<String, Object> planned, Lifecycle lifecycle) {
        Set<String> changed = changed(prior, planned);
        Set<String> forcing = forcing(schema, changed, prior, planned);
        Action action = changed.isEmpty() ? Action.NO_OP
                : forcing.isEmpty() ? Action.UPDATE
                : lifecycle.createBeforeDestroy() ? Action.CREATE_THEN_DELETE : Action.DELETE_THEN_CREATE;
        return new Decision(action, changed, forcing);
    }

    /** The top-level attributes and blocks whose planned value differs from the prior one. */
    static Set<String> changed(Map<String, Object> prior, Map<String, Object> planned) {
        Set<String> names = new LinkedHashSet<>(planned.keySet());
        names.addAll(prior.keySet());
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            if (!planned.containsKey(name)) {
                continue;
            }
            Object before = prior.get(name);
            Object after = planned.get(name);
            if (!Values.same(before, after) && !(emptyish(before) && emptyish(after))) {
                out.add(name);
            }
        }
        return out;
    }

    /** Null and an empty collection are the same to the provider's diff. */
    private static boolean emptyish(Object value) {
        return value == null || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Which of the changed names force replacement: forceNew attributes, forceNew blocks, or forceNew attributes inside blocks. */
    static Set<String> forcing(Schema schema, Set<String> changed, Map<String, Object> prior, Map<String, Object> planned) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : changed) {
            Attribute attribute = schema.attributes().get(name);
            if (attribute != null && attribute.forceNew()) {
                out.add(name);
            }
            NestedBlock block = schema.blocks().get(name);
            if (block != null && (block.forceNew() || nestedForceNew(block, prior.get(name), planned.get(name)))) {
                out.add(name);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean nestedForceNew(NestedBlock block, Object before, Object after) {
        if (!(before instanceof List<?> b) || !(after instanceof List<?> a) || a.size() != b.size()) {
            return block.schema().attributes().values().stream().anyMatch(Attribute::forceNew);
        }
        for (int i = 0; i < a.size(); i++) {
            Map<String, Object> bi = (Map<String, Object>) b.get(i);
            Map<String, Object> ai = (Map<String, Object>) a.get(i);
            Set<String> changed = changed(bi, ai);
            if (!forcing(block.schema(), changed, bi, ai).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
