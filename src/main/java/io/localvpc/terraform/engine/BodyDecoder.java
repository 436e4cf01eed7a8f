package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.ExpressionSite;
import io.localvpc.terraform.lang.Attribute;
import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Body;
import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a resource's body into the plain values its type expects, driven by the type's schema:
 * each attribute evaluated and converted to the schema's type, each nested block type as a list
 * of maps, {@code dynamic} blocks expanded in place. The body's structure was checked when the
 * configuration was loaded; what fails here is evaluation (unknown for_each, wrong types).
 */
final class BodyDecoder {
    private final Scope scope;

    BodyDecoder(Scope scope) {
        this.scope = scope;
    }

    /**
     * @param extra roots in scope besides the configuration's ({@code count}, {@code each})
     */
    Map<String, Object> decode(Body body, Schema schema, Map<String, Value> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (io.localvpc.terraform.provider.Attribute declared : schema.attributes().values()) {
            Attribute attribute = body.attribute(declared.name()).orElse(null);
            out.put(declared.name(), attribute == null || !declared.settable() ? null : attribute(attribute, declared, extra));
        }
        for (NestedBlock nested : schema.blocks().values()) {
            out.put(nested.name(), blocks(body, nested, extra));
        }
        return out;
    }

    private Object attribute(Attribute attribute, io.localvpc.terraform.provider.Attribute declared, Map<String, Value> extra) {
        Value value = evaluate(attribute.expression(), extra);
        try {
            return value.convert(type(declared.type())).toPlain();
        } catch (IllegalArgumentException e) {
            throw new HclException("Incorrect attribute value type", "Inappropriate value for attribute \"" + declared.name() + "\": "
                    + e.getMessage() + ".", attribute.expression().range());
        }
    }

    private Value evaluate(Expression expression, Map<String, Value> extra) {
        List<io.localvpc.terraform.lang.Traversal> references = new ExpressionSite(null, null, expression, extra.keySet()).references();
        EvalContext context = scope.context(references, extra);
        return expression.evaluate(context);
    }

    /** The blocks of one type, static and dynamic, in source order; unknown when a dynamic for_each is. */
    private Object blocks(Body body, NestedBlock nested, Map<String, Value> extra) {
        List<Object> out = new ArrayList<>();
        List<Block> sources = new ArrayList<>();
        for (Block block : body.blocks()) {
            if (block.type().equals(nested.name())
                    || block.type().equals("dynamic") && block.labels().equals(List.of(nested.name()))) {
                sources.add(block);
            }
        }
        sources.sort((a, b) -> Integer.compare(a.range().start().offset(), b.range().start().offset()));
        for (Block block : sources) {
            if (block.type().equals("dynamic")) {
                if (!dynamic(block, nested, extra, out)) {
                    return Unknown.VALUE;
                }
            } else {
                out.add(decode(block.body(), nested.schema(), extra));
            }
        }
        Block first = sources.isEmpty() ? null : sources.get(0);
        if (nested.maxItems() > 0 && out.size() > nested.maxItems()) {
            throw new HclException("Too many " + nested.name() + " blocks", "No more than " + nested.maxItems() + " \""
                    + nested.name() + "\" blocks are allowed", sources.get(nested.maxItems()).typeRange());
        }
        if (out.size() < nested.minItems() && first != null) {
            throw new HclException("Insufficient " + nested.name() + " blocks", "At least " + nested.minItems() + " \""
                    + nested.name() + "\" blocks are required.", first.typeRange());
        }
        return out;
    }

    /** Expands one dynamic block into {@code out}; false when its for_each is not known yet. */
    private boolean dynamic(Block block, NestedBlock nested, Map<String, Value> extra, List<Object> out) {
        Body body = block.body();
        Attribute forEach = body.attribute("for_each").orElseThrow();
        Value collection = evaluate(forEach.expression(), extra);
        if (!collection.isKnown()) {
            return false;
        }
        if (collection.isNull()) {
            throw new HclException("Invalid dynamic for_each value", "Cannot use a null value in for_each.", forEach.expression().range());
        }
        String iterator = ExpressionSite.iterator(block);
        Block content = body.blocks("content").get(0);
        String kind = collection.type().friendlyName();
        List<Map.Entry<Value, Value>> elements = new ArrayList<>();
        if (kind.startsWith("map") || kind.startsWith("object")) {
            collection.attributes().forEach((k, v) -> elements.add(Map.entry(Value.string(k), v)));
        } else {
            int i = 0;
            for (Value element : collection.elements()) {
                // A set's elements are their own keys; a list's are their indexes.
                elements.add(Map.entry(kind.startsWith("set") ? element : Value.number(i++), element));
            }
        }
        for (Map.Entry<Value, Value> e : elements) {
            Map<String, Value> iteration = new LinkedHashMap<>();
            iteration.put("key", e.getKey());
            iteration.put("value", e.getValue());
            Map<String, Value> inner = new LinkedHashMap<>(extra);
            inner.put(iterator, Value.object(iteration));
            out.add(decode(content.body(), nested.schema(), inner));
        }
        return true;
    }

    /** The language's type for a schema type. */
    static Type type(AttributeType type) {
        if (type == AttributeType.STRING) {
            return Type.STRING;
        }
        if (type == AttributeType.NUMBER) {
            return Type.NUMBER;
        }
        if (type == AttributeType.BOOL) {
            return Type.BOOL;
        }
        if (type instanceof AttributeType.ListOf l) {
            return Type.list(type(l.element()));
        }
        if (type instanceof AttributeType.SetOf set) {
            return Type.set(type(set.element()));
        }
        if (type instanceof AttributeType.MapOf m) {
            return Type.map(type(m.element()));
        }
        return Type.DYNAMIC;
    }
}
