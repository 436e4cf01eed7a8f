package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.Traversal;
import java.util.List;
import java.util.Set;

/**
 * What a reference in an expression points at, named as the dependency graph names its nodes:
 * {@code var.region}, {@code local.vpc}, {@code data.aws_ami.al2}, {@code aws_vpc.main}.
 */
public final class References {
    /** Roots that name no graph node: the instance's own key, the module's paths, the workspace. */
    public static final Set<String> CONTEXTUAL = Set.of("count", "each", "path", "terraform", "self");

    private References() {}

    /** The graph node a reference points at, or null for {@link #CONTEXTUAL} roots. */
    public static String node(Traversal t) {
        String root = t.root();
        if (CONTEXTUAL.contains(root)) {
            return null;
        }
        List<Traversal.Step> steps = t.steps();
        switch (root) {
            case "var", "local" -> {
                return root + "." + attr(t, 0, root.equals("var") ? "an input variable name" : "a local value name");
            }
            case "data" -> {
                return "data." + attr(t, 0, "a data source type") + "." + attr(t, 1, "a data source name");
            }
            case "module" -> throw new HclException("Reference to undeclared module",
                    "Module calls are not supported by LocalVPC's built-in Terraform engine.", t.range());
            default -> {
                if (steps.isEmpty()) {
                    throw new HclException("Invalid reference",
                            "A reference to a resource type must be followed by at least one attribute access, specifying the resource name.",
                            t.range());
                }
                return root + "." + attr(t, 0, "a resource name");
            }
        }
    }

    private static String attr(Traversal t, int index, String what) {
        if (t.steps().size() <= index || !(t.steps().get(index) instanceof Traversal.GetAttr get)) {
            throw new HclException("Invalid reference", "The \"" + t.root() + "\" object must be followed by " + what + ".",
                    t.range());
        }
        return get.name();
    }
}
