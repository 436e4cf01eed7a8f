package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.OutputConfig;
import io.localvpc.terraform.config.ResourceConfig;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.InstanceState;
import io.localvpc.terraform.state.OutputState;
import io.localvpc.terraform.state.ResourceAddress;
import io.localvpc.terraform.state.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Refreshes the state and plans: reads every managed instance in state (one gone is drift, and
 * is planned again), then walks the configuration in dependency order, reading data sources
 * whose arguments are known, expanding count and for_each, and diffing each instance's prior
 * state with the state its configuration proposes.
 */
public final class Planner {
    private final Run run;
    private final BodyDecoder decoder;
    private final List<Failure> failures = new ArrayList<>();
    private final List<ResourceChange> drift = new ArrayList<>();

    public Planner(Run run) {
        this.run = run;
        this.decoder = new BodyDecoder(run.scope());
    }

    /** Refreshes then plans; {@code destroy} plans the destruction of everything in state. */
    public Plan plan(boolean destroy) {
        refresh();
        List<ResourceChange> changes = destroy ? destroyAll() : walk();
        if (!failures.isEmpty()) {
            throw new EngineException(failures);
        }
        checkPreventDestroy(changes);
        return new Plan(changes, outputs(destroy), drift, destroy);
    }

    /** Reads every managed instance in state, up to {@code parallelism} at once; drops and reports the ones gone. */
    private void refresh() {
        Map<InstanceAddress, InstanceState> instances = run.state().managed();
        if (instances.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(run.parallelism(), instances.size()));
        try {
            Map<InstanceAddress, Future<Optional<Map<String, Object>>>> reads = new LinkedHashMap<>();
            instances.forEach((address, instance) -> {
                ResourceType type = run.provider().resource(address.resource().type()).orElse(null);
                if (type == null) {
                    return;
                }
                reads.put(address, pool.submit(() -> {
                    run.progress().line(address + ": Refreshing state... [id=" + instance.id() + "]");
                    return type.read(run.aws(), Values.mutable(instance.attributes()));
                }));
            });
            for (Map.Entry<InstanceAddress, Future<Optional<Map<String, Object>>>> e : reads.entrySet()) {
                InstanceAddress address = e.getKey();
                InstanceState prior = instances.get(address);
                try {
                    Optional<Map<String, Object>> now = e.getValue().get();
                    if (now.isEmpty()) {
                        drift.add(new ResourceChange(address, Action.DELETE, prior.attributes(), null, Set.of(),
                                run.schema(address.resource()), null));
                        run.state().remove(address);
                    } else {
                        run.state().put(address, new InstanceState(now.get(), prior.dependencies(), prior.createBeforeDestroy()));
                    }
                } catch (java.util.concurrent.ExecutionException x) {
                    failures.add(providerFailure(x.getCause(), address, "refreshing"));
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while refreshing", x);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new EngineException(failures);
        }
    }

    private Failure providerFailure(Throwable cause, InstanceAddress address, String doing) {
        ResourceConfig resource = run.config().resources().get(address.resource());
        if (cause instanceof HclException h) {
            return new Failure(h.diagnostics().get(0), address.toString());
        }
        String summary = cause instanceof ProviderException p ? p.summary() : doing + " " + address + ": " + cause;
        String detail = cause instanceof ProviderException p ? p.detail() : null;
        return Failure.of(summary, detail, resource == null ? null : resource.block().typeRange(), address.toString());
    }

    private List<ResourceChange> walk() {
        List<ResourceChange> changes = new ArrayList<>();
        Set<ResourceAddress> pending = new LinkedHashSet<>();
        for (ResourceAddress node : run.graph().resourceOrder()) {
            ResourceConfig resource = run.config().resources().get(node);
            try {
                Expansion expansion = expand(resource);
                run.scope().expansion(resource.address(), expansion);
                for (Object key : expansion.instances().keySet()) {
                    InstanceAddress address = resource.address().instance(key);
                    ResourceChange change = resource.address().mode() == ResourceAddress.Mode.DATA
                            ? planData(resource, address, pending)
                            : planManaged(resource, address);
                    if (change.action() != Action.NO_OP) {
                        pending.add(resource.address());
                    }
                    changes.add(change);
                }
            } catch (HclException e) {
                e.diagnostics().forEach(d -> failures.add(new Failure(d, null)));
            } catch (ProviderException e) {
                failures.add(Failure.of(e.summary(), e.detail(), resource.block().typeRange(), resource.address().toString()));
            }
        }
        changes.addAll(orphans());
        return changes;
    }

    /** The instances a resource has: one, {@code count} of them, or one per {@code for_each} key. */
    Expansion expand(ResourceConfig resource) {
        if (resource.count() != null) {
            Value count = run.scope().evaluate(resource.count());
            if (!count.isWhollyKnown()) {
                throw new HclException("Invalid count argument", "The \"count\" value depends on resource attributes that cannot be determined until apply, so Terraform cannot predict how many instances will be created. To work around this, use the -target argument to first apply only the resources that the count depends on.",
                        resource.count().range());
            }
            BigDecimal n;
            try {
                n = count.isNull() ? null : count.convert(Type.NUMBER).asNumber();
            } catch (IllegalArgumentException e) {
                n = null;
            }
            if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
                throw new HclException("Invalid count argument", "The given \"count\" argument value is unsuitable: must be a whole number greater than or equal to zero.",
                        resource.count().range());
            }
            return Expansion.count(n.intValueExact());
        }
        if (resource.forEach() != null) {
            return Expansion.forEach(forEach(resource.forEach()));
        }
        return Expansion.SINGLE;
    }

    private Map<String, Value> forEach(Expression expression) {
        Value value = run.scope().evaluate(expression);
        if (!value.isWhollyKnown()) {
            throw new HclException("Invalid for_each argument", "The \"for_each\" map includes keys derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.",
                    expression.range());
        }
        if (value.isNull()) {
            throw new HclException("Invalid for_each argument", "The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument value is null. A map, or set of strings is allowed.",
                    expression.range());
        }
        String kind = value.type().friendlyName();
        Map<String, Value> out = new LinkedHashMap<>();
        if (kind.startsWith("map") || kind.startsWith("object")) {
            out.putAll(new java.util.TreeMap<>(value.attributes()));
        } else if (kind.equals("set of string")) {
            value.elements().forEach(e -> out.put(e.asString(), e));
        } else {
            throw new HclException("Invalid for_each argument", "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type "
                    + kind + ".", expression.range());
        }
        return out;
    }

    private ResourceChange planManaged(ResourceConfig resource, InstanceAddress address) {
        ResourceType type = run.provider().resource(address.resource().type()).orElseThrow();
        Schema schema = type.schema();
        Map<String, Object> prior = run.state().instance(address).map(i -> Values.mutable(i.attributes())).orElse(null);
        Map<String, Object> config = decoder.decode(resource.block().body(), schema, run.instanceRoots(resource, address));
        Map<String, Object> planned = type.plan(run.aws(), prior, Proposal.proposed(schema, config, prior, resource.lifecycle()));
        ResourceChange change;
        if (prior == null) {
            change = new ResourceChange(address, Action.CREATE, null, planned, Set.of(), schema, null);
        } else {
            Proposal.Decision decision = Proposal.decide(schema, prior, planned, resource.lifecycle());
            if (decision.action() == Action.NO_OP) {
                change = new ResourceChange(address, Action.NO_OP, prior, prior, Set.of(), schema, null);
            } else if (decision.action().isReplace()) {
                Map<String, Object> replacement = type.plan(run.aws(), null, Proposal.proposed(schema, config, null, resource.lifecycle()));
                change = new ResourceChange(address, decision.action(), prior, replacement, decision.forcing(), schema, null);
            } else {
                change = new ResourceChange(address, Action.UPDATE, prior, planned, Set.of(), schema, null);
            }
        }
        run.scope().put(address, change.after());
        return change;
    }

    /**
     * Reads a data source now when its arguments are known and nothing it depends on changes;
     * otherwise plans the read for apply, its attributes unknown until then.
     */
    private ResourceChange planData(ResourceConfig resource, InstanceAddress address, Set<ResourceAddress> pending) {
        DataSourceType type = run.provider().dataSource(address.resource().type()).orElseThrow();
        Schema schema = type.schema();
        Map<String, Object> config = decoder.decode(resource.block().body(), schema, run.instanceRoots(resource, address));
        boolean dependsOnChanges = run.graph().resourcesBefore(resource.address().toString()).stream().anyMatch(pending::contains);
        if (Values.hasUnknown(config) || dependsOnChanges) {
            Map<String, Object> unknown = Proposal.proposed(schema, config, null, resource.lifecycle());
            run.scope().put(address, unknown);
            return new ResourceChange(address, Action.READ, null, unknown, Set.of(), schema,
                    dependsOnChanges && !Values.hasUnknown(config)
                            ? "(depends on a resource or a module with changes pending)"
                            : "(config refers to values not yet known)");
        }
        Map<String, Object> read = DataReads.read(run, type, address, config);
        run.scope().put(address, read);
        return new ResourceChange(address, Action.NO_OP, read, read, Set.of(), schema, null);
    }

    /** Instances in state that the configuration no longer has: destroyed, with Terraform's reason. */
    private List<ResourceChange> orphans() {
        List<ResourceChange> out = new ArrayList<>();
        run.state().managed().forEach((address, instance) -> {
            ResourceConfig resource = run.config().resources().get(address.resource());
            Expansion expansion = run.scope().expansion(address.resource());
            String reason = null;
            if (resource == null) {
                reason = "(because " + address.resource() + " is not in configuration)";
            } else if (expansion != null && !expansion.instances().containsKey(address.key())) {
                reason = switch (expansion.kind()) {
                    case COUNT -> address.key() instanceof BigDecimal n
                            ? "(because index [" + n.toPlainString() + "] is out of range for count)"
                            : "(because resource uses count)";
                    case FOR_EACH -> address.key() instanceof String s
                            ? "(because key [\"" + s + "\"] is not in for_each map)"
                            : "(because resource uses for_each)";
                    case SINGLE -> "(because resource does not use count)";
                };
            }
            if (reason != null) {
                out.add(new ResourceChange(address, Action.DELETE, instance.attributes(), null, Set.of(), run.schema(address.resource()),
                        reason));
            }
        });
        return out;
    }

    private List<ResourceChange> destroyAll() {
        List<ResourceChange> out = new ArrayList<>();
        run.state().managed().forEach((address, instance) -> out.add(new ResourceChange(address, Action.DELETE,
                instance.attributes(), null, Set.of(), run.schema(address.resource()), null)));
        return out;
    }

    private void checkPreventDestroy(List<ResourceChange> changes) {
        List<Failure> refused = new ArrayList<>();
        for (ResourceChange change : changes) {
            ResourceConfig resource = run.config().resources().get(change.address().resource());
            if (change.action().deletes() && resource != null && resource.lifecycle().preventDestroy()) {
                refused.add(Failure.of("Instance cannot be destroyed", "Resource " + change.address()
                        + " has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.",
                        resource.block().typeRange(), null));
            }
        }
        if (!refused.isEmpty()) {
            throw new EngineException(refused);
        }
    }

    private List<OutputChange> outputs(boolean destroy) {
        Map<String, OutputState> prior = run.state().outputs();
        List<OutputChange> out = new ArrayList<>();
        for (OutputConfig output : run.config().outputs().values()) {
            OutputState before = prior.get(output.name());
            if (destroy) {
                if (before != null) {
                    out.add(new OutputChange(output.name(), before.value(), null, output.sensitive(), true, true));
                }
                continue;
            }
            Object after;
            try {
                after = run.scope().evaluate(output.value()).toPlain();
            } catch (HclException e) {
                e.diagnostics().forEach(d -> failures.add(new Failure(d, null)));
                continue;
            }
            out.add(new OutputChange(output.name(), before == null ? null : before.value(), after,
                    output.sensitive() || before != null && before.sensitive(), false, before != null));
        }
        prior.forEach((name, state) -> {
            if (!run.config().outputs().containsKey(name)) {
                out.add(new OutputChange(name, state.value(), null, state.sensitive(), true, true));
            }
        });
        if (!failures.isEmpty()) {
            throw new EngineException(failures);
        }
        return out;
    }
}
