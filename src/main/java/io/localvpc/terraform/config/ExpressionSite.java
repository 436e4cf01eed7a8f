package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Attribute;
import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Body;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Traversal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One expression of a configuration, with the graph node it belongs to, the resource block it
 * sits in (null outside resources), and the dynamic-block iterators in scope there.
 */
public record ExpressionSite(String node, ResourceConfig resource, Expression expression, Set<String> iterators) {

    /** The references that name graph nodes (iterators of dynamic blocks excluded). */
    public List<Traversal> references() {
        return expression.references().stream().filter(t -> !iterators.contains(t.root())).toList();
    }

    /** Every expression of the configuration (lifecycle and depends_on, which name no values, excluded). */
    public static List<ExpressionSite> all(Configuration config) {
        List<ExpressionSite> out = new ArrayList<>();
        config.variables().values().forEach(v -> v.validations().forEach(val -> {
            out.add(new ExpressionSite("var." + v.name(), null, val.condition(), Set.of()));
            out.add(new ExpressionSite("var." + v.name(), null, val.errorMessage(), Set.of()));
        }));
        config.locals().values().forEach(l -> out.add(new ExpressionSite("local." + l.name(), null, l.attribute().expression(), Set.of())));
        config.outputs().values().forEach(o -> out.add(new ExpressionSite("output." + o.name(), null, o.value(), Set.of())));
        if (config.provider().region() != null) {
            out.add(new ExpressionSite("provider", null, config.provider().region(), Set.of()));
        }
        if (config.provider().defaultTags() != null) {
            out.add(new ExpressionSite("provider", null, config.provider().defaultTags(), Set.of()));
        }
        for (ResourceConfig resource : config.resources().values()) {
            collect(out, resource.address().toString(), resource, resource.block().body(), Set.of(), true);
        }
        return out;
    }

    /** A dynamic block's iterator name: its {@code iterator} argument, else the block type it generates. */
    public static String iterator(Block dynamic) {
        return dynamic.body().attribute("iterator").map(a -> keyword(a.expression())).orElse(dynamic.labels().get(0));
    }

    /** A bare name such as {@code all} or {@code p}, whether the language saw a keyword or a one-word reference; else null. */
    public static String keyword(Expression expression) {
        if (expression.asKeyword() != null) {
            return expression.asKeyword();
        }
        Traversal t = expression.asTraversal();
        return t != null && t.steps().isEmpty() ? t.root() : null;
    }

    private static void collect(List<ExpressionSite> out, String node, ResourceConfig resource, Body body, Set<String> iterators,
            boolean top) {
        for (Attribute attribute : body.attributes()) {
            if (top && attribute.name().equals("depends_on")) {
                continue;
            }
            out.add(new ExpressionSite(node, resource, attribute.expression(), iterators));
        }
        for (Block block : body.blocks()) {
            if (top && block.type().equals("lifecycle")) {
                continue;
            }
            if (block.type().equals("dynamic") && !block.labels().isEmpty()) {
                Set<String> inner = new HashSet<>(iterators);
                inner.add(iterator(block));
                for (Attribute attribute : block.body().attributes()) {
                    if (!attribute.name().equals("iterator")) {
                        // for_each is evaluated outside the iterator's scope, labels inside it.
                        out.add(new ExpressionSite(node, resource, attribute.expression(),
                                attribute.name().equals("for_each") ? iterators : inner));
                    }
                }
                for (Block content : block.body().blocks("content")) {
                    collect(out, node, resource, content.body(), inner, false);
                }
                continue;
            }
            collect(out, node, resource, block.body(), iterators, false);
        }
    }
}
