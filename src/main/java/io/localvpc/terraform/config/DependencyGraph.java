package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.Traversal;
import io.localvpc.terraform.state.ResourceAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The configuration's dependency graph: variables, locals, outputs, resources and data sources,
 * with an edge for each reference and each {@code depends_on}. Building it rejects cycles with
 * Terraform's "Cycle: …" error; it answers a topological order and, per resource, the resources
 * and data sources it needs first (through locals too).
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> edges;
    private final List<String> order;

    private DependencyGraph(Map<String, Set<String>> edges, List<String> order) {
        this.edges = edges;
        this.order = order;
    }

    public static DependencyGraph of(Configuration config) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        config.variables().keySet().forEach(v -> edges.put("var." + v, new LinkedHashSet<>()));
        config.locals().keySet().forEach(l -> edges.put("local." + l, new LinkedHashSet<>()));
        config.resources().keySet().forEach(r -> edges.put(r.toString(), new LinkedHashSet<>()));
        config.outputs().keySet().forEach(o -> edges.put("output." + o, new LinkedHashSet<>()));
        edges.put("provider", new LinkedHashSet<>());
        for (ExpressionSite site : ExpressionSite.all(config)) {
            for (Traversal t : site.references()) {
                String target = References.node(t);
                if (target != null && edges.containsKey(target) && !target.equals(site.node())) {
                    edges.get(site.node()).add(target);
                }
            }
        }
        for (ResourceConfig resource : config.resources().values()) {
            resource.dependsOn().forEach(t -> dependsOn(edges, resource.address().toString(), t));
        }
        for (OutputConfig output : config.outputs().values()) {
            output.dependsOn().forEach(t -> dependsOn(edges, "output." + output.name(), t));
        }
        return new DependencyGraph(edges, sort(edges));
    }

    private static void dependsOn(Map<String, Set<String>> edges, String from, Traversal t) {
        String target = References.node(t);
        if (target == null || !edges.containsKey(target)) {
            throw new HclException("Invalid depends_on reference", "References in depends_on must be to a whole object (resource, etc), not to an attribute of an object.",
                    t.range());
        }
        edges.get(from).add(target);
    }

    /** Depth-first topological sort; a back edge is a cycle, reported with every node on it. */
    private static List<String> sort(Map<String, Set<String>> edges) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> mark = new LinkedHashMap<>();
        for (String node : edges.keySet()) {
            visit(node, edges, mark, order, new ArrayList<>());
        }
        return Collections.unmodifiableList(order);
    }

    private static void visit(String node, Map<String, Set<String>> edges, Map<String, Integer> mark, List<String> order,
            List<String> path) {
        Integer m = mark.get(node);
        if (m != null && m == 2) {
            return;
        }
        if (m != null && m == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            throw new HclException("Cycle: " + String.join(", ", new TreeSet<>(cycle)), null, null);
        }
        mark.put(node, 1);
        path.add(node);
        for (String dep : edges.get(node)) {
            visit(dep, edges, mark, order, path);
        }
        path.remove(path.size() - 1);
        mark.put(node, 2);
        order.add(node);
    }

    /** Every resource and data source, dependencies before dependents. */
    public List<ResourceAddress> resourceOrder() {
        return order.stream().filter(node -> !isValue(node)).map(ResourceAddress::parse).toList();
    }

    /** The resources and data sources {@code node} needs, directly or through locals and variables. */
    public Set<ResourceAddress> resourcesBefore(String node) {
        return reachable(node, DependencyGraph::isValue, next -> !isValue(next));
    }

    /**
     * The managed resources a resource depends on, as state records them: direct ones and those
     * reached through locals, data sources and other resources (transitively).
     */
    public Set<ResourceAddress> managedDependencies(String node) {
        return reachable(node, next -> true, next -> !isValue(next) && !next.startsWith("data."));
    }

    /** The resources reached from {@code node}, walking on through the nodes {@code followed} accepts and keeping those {@code kept} accepts. */
    private Set<ResourceAddress> reachable(String node, Predicate<String> followed, Predicate<String> kept) {
        Set<ResourceAddress> out = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(edges.getOrDefault(node, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (!seen.add(next)) {
                continue;
            }
            if (followed.test(next)) {
                todo.addAll(edges.getOrDefault(next, Set.of()));
            }
            if (kept.test(next)) {
                out.add(ResourceAddress.parse(next));
            }
        }
        return out;
    }

    /** Variables, locals, outputs and the provider: nodes that hold values, not resources. */
    private static boolean isValue(String node) {
        return node.startsWith("var.") || node.startsWith("local.") || node.startsWith("output.") || node.equals("provider");
    }
}
