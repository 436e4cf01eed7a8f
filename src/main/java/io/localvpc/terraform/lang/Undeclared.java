package io.localvpc.terraform.lang;

import java.util.List;

/**
 * Terraform's messages for references to things not declared: the language only sees the roots
 * the engine supplies, so a missing root (or a missing first attribute of var, local, data, module
 * or a resource type) means the configuration does not declare it.
 */
final class Undeclared {

    private Undeclared() {}

    /** The error for a traversal whose root (or its declaration-level name) is missing; {@code root} is its value if any. */
    static HclException root(Traversal t, Value root) {
        SourceRange where = t.range();
        return switch (t.root()) {
            case "var" -> variable(name(t, 0), suggest(name(t, 0), root), where);
            case "local" -> local(name(t, 0), suggest(name(t, 0), root), where);
            case "data" -> data(name(t, 0), name(t, 1), suggest(name(t, 1), child(root, name(t, 0))), where);
            case "module" -> module(name(t, 0), suggest(name(t, 0), root), where);
            case "count" -> new HclException("Reference to \"count\" in non-counted context",
                    "The \"count\" object can only be used in \"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set.", where);
            case "each" -> new HclException("Reference to \"each\" in context without for_each",
                    "The \"each\" object can be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.", where);
            case "self" -> new HclException("Invalid \"self\" reference",
                    "The \"self\" object is not available in this context. This object can be used only in resource provisioner, connection, and postcondition blocks.", where);
            default -> t.steps().isEmpty() || !(t.steps().get(0) instanceof Traversal.GetAttr)
                    ? new HclException("Invalid reference", "A reference to a resource type must be followed by at least one attribute access, specifying the resource name.", where)
                    : resource(t.root(), name(t, 0), suggest(name(t, 0), root), where);
        };
    }

    /** " Did you mean ...?" among the names declared under a root object, as Terraform suggests them. */
    private static String suggest(String name, Value container) {
        if (container == null || !container.isKnown() || container.isNull() || !container.type().isMapping()) {
            return "";
        }
        return Suggestions.didYouMean(name, container.attributes().keySet());
    }

    private static Value child(Value container, String name) {
        return container == null || !container.isKnown() || container.isNull() || !container.type().isMapping()
                ? null : container.attributes().get(name);
    }

    /** Rewrites a failed lookup of a declaration-level step (var.NAME, data.TYPE.NAME, TYPE.NAME) as "undeclared". */
    static HclException step(Traversal t, Value root, int index, HclException failure) {
        String summary = failure.first().summary();
        boolean missing = summary.equals("Unsupported attribute") || summary.equals("Missing map element");
        int declarationSteps = switch (t.root()) {
            case "var", "local", "module" -> 1;
            case "data" -> 2;
            case "count", "each", "self", "path", "terraform" -> 0;
            default -> 1;
        };
        if (!missing || index >= declarationSteps) {
            return failure;
        }
        return root(t, root);
    }

    private static String name(Traversal t, int index) {
        List<Traversal.Step> steps = t.steps();
        return index < steps.size() && steps.get(index) instanceof Traversal.GetAttr a ? a.name() : "";
    }

    private static HclException variable(String name, String suggestion, SourceRange where) {
        return new HclException("Reference to undeclared input variable", "An input variable with the name " + Strings.quote(name)
                + " has not been declared." + (suggestion.isEmpty()
                ? " This variable can be declared with a variable " + Strings.quote(name) + " {} block." : suggestion), where);
    }

    private static HclException local(String name, String suggestion, SourceRange where) {
        return new HclException("Reference to undeclared local value",
                "A local value with the name " + Strings.quote(name) + " has not been declared." + suggestion, where);
    }

    private static HclException data(String type, String name, String suggestion, SourceRange where) {
        return new HclException("Reference to undeclared resource", "A data resource " + Strings.quote(type) + " " + Strings.quote(name)
                + " has not been declared in the root module." + suggestion, where);
    }

    private static HclException module(String name, String suggestion, SourceRange where) {
        return new HclException("Reference to undeclared module",
                "No module call named " + Strings.quote(name) + " is declared in the root module." + suggestion, where);
    }

    private static HclException resource(String type, String name, String suggestion, SourceRange where) {
        return new HclException("Reference to undeclared resource", "A managed resource " + Strings.quote(type) + " " + Strings.quote(name)
                + " has not been declared in the root module." + suggestion, where);
    }
}
