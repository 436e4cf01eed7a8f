package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code {a = 1, "b" = 2, (k) = 3}}: an object; a bare identifier key is the attribute name itself. */
record ObjectExpr(List<Item> items, SourceRange range) implements Expression {

    /** One {@code key = value}; {@code key} is a string literal when written as a bare name. */
    record Item(Expression key, Expression value) {}

    @Override
    public Value evaluate(EvalContext context) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        boolean unknownKey = false;
        for (Item item : items) {
            Value k = item.key.evaluate(context);
            Value v = item.value.evaluate(context);
            if (k.isNull()) {
                throw new HclException("Null value as key", "Can't use a null value as a key.", item.key.range());
            }
            Value key;
            try {
                key = k.convert(Type.STRING);
            } catch (IllegalArgumentException e) {
                throw new HclException("Incorrect key type", "Can't use this value as a key: " + e.getMessage() + ".", item.key.range());
            }
            if (!key.isKnown()) {
                unknownKey = true;
                continue;
            }
            attrs.put(key.asString(), v);
        }
        return unknownKey ? Value.unknown(Type.DYNAMIC) : Value.object(attrs);
    }

    @Override
    public List<Traversal> references() {
        List<Expression> parts = new ArrayList<>();
        items.forEach(i -> {
            parts.add(i.key);
            parts.add(i.value);
        });
        return References.of(parts);
    }
}
