package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a variable's {@code type = ...} constraint: the keywords string, number, bool, any and the
 * constructors list(T), set(T), map(T), tuple([...]), object({name = T, other = optional(T, default)}).
 */
final class TypeConstraints {

    private TypeConstraints() {}

    static Type parse(Expression expr) {
        String keyword = expr.asKeyword();
        if (keyword != null) {
            return switch (keyword) {
                case "string" -> Type.STRING;
                case "number" -> Type.NUMBER;
                case "bool" -> Type.BOOL;
                case "any" -> Type.DYNAMIC;
                case "list", "set", "map", "tuple", "object" -> throw invalid("The " + keyword
                        + " type constructor requires one argument specifying the element type.", expr);
                default -> throw invalid("The keyword " + Strings.quote(keyword) + " is not a valid type specification.", expr);
            };
        }
        if (expr instanceof LiteralExpr quoted && quoted.value().type() == Type.STRING) {
            throw new HclException("Invalid quoted type constraints", "Terraform 0.11 and earlier required type constraints to be given "
                    + "in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes "
                    + "around " + Strings.quote(quoted.value().asString()) + ".", expr.range());
        }
        if (!(expr instanceof FunctionCallExpr call)) {
            throw invalid("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", expr);
        }
        if (call.name().equals("optional")) {
            throw invalid("Keyword \"optional\" is valid only as a modifier for object type attributes.", expr);
        }
        if (call.args().size() != 1) {
            throw invalid("The " + call.name() + " type constructor requires one argument specifying the element type.", expr);
        }
        Expression arg = call.args().get(0);
        return switch (call.name()) {
            case "list" -> Type.list(parse(arg));
            case "set" -> Type.set(parse(arg));
            case "map" -> Type.map(parse(arg));
            case "tuple" -> tuple(arg);
            case "object" -> object(arg);
            default -> throw invalid("Keyword " + Strings.quote(call.name()) + " is not a valid type constructor.", expr);
        };
    }

    private static Type tuple(Expression arg) {
        List<Expression> elements = arg.asTupleElements();
        if (elements == null) {
            throw invalid("The tuple type constructor requires a list of element types.", arg);
        }
        List<Type> types = new ArrayList<>();
        elements.forEach(e -> types.add(parse(e)));
        return Type.tuple(types);
    }

    private static Type object(Expression arg) {
        if (!(arg instanceof ObjectExpr obj)) {
            throw invalid("The object type constructor requires one argument specifying the attribute types as a map.", arg);
        }
        Map<String, Type> attrs = new LinkedHashMap<>();
        Set<String> optional = new HashSet<>();
        Map<String, Value> defaults = new LinkedHashMap<>();
        for (ObjectExpr.Item item : obj.items()) {
            if (!(item.key() instanceof LiteralExpr key) || key.value().type() != Type.STRING) {
                throw invalid("Object constructor map keys must be attribute names.", item.key());
            }
            String name = key.value().asString();
            Expression spec = item.value();
            if (spec instanceof FunctionCallExpr call && call.name().equals("optional")) {
                if (call.args().isEmpty() || call.args().size() > 2) {
                    throw invalid("Optional attribute modifier expects at most two arguments: an attribute type, and a default value.", spec);
                }
                Type type = parse(call.args().get(0));
                optional.add(name);
                if (call.args().size() == 2) {
                    defaults.put(name, defaultValue(call.args().get(1), type));
                }
                attrs.put(name, type);
            } else {
                attrs.put(name, parse(spec));
            }
        }
        return ObjectType.of(attrs, optional, defaults);
    }

    private static Value defaultValue(Expression expr, Type type) {
        Value v = expr.evaluate(EvalContext.of(Functions.none()));
        try {
            return v.convert(type);
        } catch (IllegalArgumentException e) {
            throw new HclException("Invalid default value for optional attribute",
                    "This default value is not compatible with the attribute's type constraint: " + e.getMessage() + ".", expr.range());
        }
    }

    private static HclException invalid(String detail, Expression where) {
        return new HclException("Invalid type specification", detail, where.range());
    }
}
