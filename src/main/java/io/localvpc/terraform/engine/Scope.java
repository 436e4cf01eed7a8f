package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.Configuration;
import io.localvpc.terraform.config.ExpressionSite;
import io.localvpc.terraform.config.LocalConfig;
import io.localvpc.terraform.config.References;
import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Functions;
import io.localvpc.terraform.lang.Traversal;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.ResourceAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What expressions see: input variables, locals (evaluated when referenced, so they always reflect
 * the newest values), and the current value of every resource and data source instance (planned
 * values with unknowns during plan, applied values during apply). Thread-safe.
 */
public final class Scope {
    private final Configuration config;
    private final Functions functions;
    private final Map<String, Value> fixedRoots = new LinkedHashMap<>();
    private final Map<InstanceAddress, Map<String, Object>> values = new ConcurrentHashMap<>();
    private final Map<ResourceAddress, Expansion> expansions = new ConcurrentHashMap<>();

    public Scope(Configuration config, Map<String, Value> variables) {
        this.config = config;
        this.functions = Functions.standard(config.dir());
        // The directory is the working directory, as with terraform -chdir: path.module is ".".
        String cwd = config.dir().toAbsolutePath().normalize().toString();
        fixedRoots.put("path", Value.object(ordered("module", Value.string("."), "root", Value.string("."), "cwd",
                Value.string(cwd))));
        fixedRoots.put("terraform", Value.object(ordered("workspace", Value.string("default"))));
        fixedRoots.put("var", Value.object(new LinkedHashMap<>(variables)));
    }

    private static Map<String, Value> ordered(Object... pairs) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Value) pairs[i + 1]);
        }
        return out;
    }

    /** Records an instance's current value (planned or applied). */
    public void put(InstanceAddress address, Map<String, Object> value) {
        values.put(address, value);
    }

    public void remove(InstanceAddress address) {
        values.remove(address);
    }

    public Map<String, Object> get(InstanceAddress address) {
        return values.get(address);
    }

    public void expansion(ResourceAddress resource, Expansion expansion) {
        expansions.put(resource, expansion);
    }

    public Expansion expansion(ResourceAddress resource) {
        return expansions.get(resource);
    }

    /** Evaluates an expression outside any resource (locals, outputs, the provider block). */
    public Value evaluate(Expression expression) {
        return expression.evaluate(context(expression.references(), Map.of()));
    }

    /**
     * A context with the roots {@code references} need, plus {@code extra} roots (count, each,
     * a dynamic block's iterator).
     */
    public EvalContext context(List<Traversal> references, Map<String, Value> extra) {
        Map<String, Value> roots = new LinkedHashMap<>(fixedRoots);
        Map<String, Value> locals = new LinkedHashMap<>();
        Map<String, Map<String, Value>> resources = new LinkedHashMap<>();
        Map<String, Map<String, Value>> data = new LinkedHashMap<>();
        for (Traversal t : references) {
            if (extra.containsKey(t.root()) || References.CONTEXTUAL.contains(t.root())) {
                continue;
            }
            String node = References.node(t);
            String[] parts = node.split("\\.");
            switch (parts[0]) {
                case "var" -> {
                    // Every variable is in the fixed roots.
                }
                case "local" -> locals.computeIfAbsent(parts[1], this::local);
                case "data" -> data.computeIfAbsent(parts[1], k -> new LinkedHashMap<>())
                        .put(parts[2], resourceValue(ResourceAddress.data(parts[1], parts[2])));
                default -> resources.computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
                        .put(parts[1], resourceValue(ResourceAddress.managed(parts[0], parts[1])));
            }
        }
        roots.put("local", Value.object(locals));
        Map<String, Value> dataRoot = new LinkedHashMap<>();
        data.forEach((type, byName) -> dataRoot.put(type, Value.object(byName)));
        roots.put("data", Value.object(dataRoot));
        resources.forEach((type, byName) -> roots.put(type, Value.object(byName)));
        roots.putAll(extra);
        return new EvalContext(roots, functions);
    }

    private Value local(String name) {
        LocalConfig local = config.locals().get(name);
        Expression expression = local.attribute().expression();
        return expression.evaluate(context(new ExpressionSite("local." + name, null, expression, Set.of()).references(), Map.of()));
    }

    /** A resource as references see it: an object, a tuple (count) or an object by key (for_each). */
    Value resourceValue(ResourceAddress resource) {
        Expansion expansion = expansions.get(resource);
        if (expansion == null) {
            return Value.unknown(Type.DYNAMIC);
        }
        switch (expansion.kind()) {
            case SINGLE -> {
                return instanceValue(resource.instance(null));
            }
            case COUNT -> {
                List<Value> elements = new ArrayList<>();
                expansion.instances().keySet().forEach(k -> elements.add(instanceValue(resource.instance(k))));
                return Value.tuple(elements);
            }
            default -> {
                Map<String, Value> byKey = new LinkedHashMap<>();
                expansion.instances().keySet().forEach(k -> byKey.put(k.toString(), instanceValue(resource.instance(k))));
                return Value.object(byKey);
            }
        }
    }

    private Value instanceValue(InstanceAddress address) {
        Map<String, Object> value = values.get(address);
        return value == null ? Value.unknown(Type.DYNAMIC) : Value.fromPlain(value);
    }
}
