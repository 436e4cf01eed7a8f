package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.OutputConfig;
import io.localvpc.terraform.config.ResourceConfig;
import io.localvpc.terraform.lang.HclException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a plan: one operation per create, update, destroy or deferred read, each waiting for
 * the operations it depends on (creates and updates after what they reference, destroys before
 * what the destroyed object depended on, create_before_destroy replacements destroying last),
 * up to {@code parallelism} at once. Each finished operation is written to the state file at
 * once; an operation that fails skips those that wait for it while independent ones go on.
 */
public final class Applier {
    private final Run run;
    private final BodyDecoder decoder;
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();

    /** What an apply did. */
    public record Result(int added, int changed, int destroyed, List<Failure> failures) {}

    public Applier(Run run) {
        this.run = run;
        this.decoder = new BodyDecoder(run.scope());
    }

    enum Kind {
        APPLY,
        DESTROY,
        READ
    }

    /** One operation of the apply and the operations it waits for. */
    static final class Op {
        final ResourceChange change;
        final Kind kind;
        final List<Op> dependents = new ArrayList<>();
        int waiting;
        boolean blocked;

        Op(ResourceChange change, Kind kind) {
            this.change = change;
            this.kind = kind;
        }

        void waitsFor(Op other) {
            if (other != null && other != this && !other.dependents.contains(this)) {
                other.dependents.add(this);
                waiting++;
            }
        }

        @Override
        public String toString() {
            return kind + " " + change.address();
        }
    }

    public Result apply(Plan plan) {
        List<Op> ops = operations(plan);
        run(ops);
        if (failures.isEmpty() || !plan.destroy()) {
            saveOutputs(plan.destroy());
        }
        dropStaleDataSources(plan.destroy() && failures.isEmpty());
        run.persist();
        return new Result(added.get(), changed.get(), destroyed.get(), List.copyOf(failures));
    }

    /** Builds the operations and their ordering. */
    private List<Op> operations(Plan plan) {
        Map<InstanceAddress, Op> applies = new LinkedHashMap<>();
        Map<InstanceAddress, Op> destroys = new LinkedHashMap<>();
        Map<ResourceAddress, List<Op>> appliesByResource = new LinkedHashMap<>();
        for (ResourceChange change : plan.changes()) {
            Action action = change.action();
            if (action == Action.NO_OP) {
                continue;
            }
            if (action.deletes()) {
                destroys.put(change.address(), new Op(change, Kind.DESTROY));
            }
            if (action == Action.READ || action == Action.UPDATE || action.creates()) {
                Op op = new Op(change, action == Action.READ ? Kind.READ : Kind.APPLY);
                applies.put(change.address(), op);
                appliesByResource.computeIfAbsent(change.address().resource(), r -> new ArrayList<>()).add(op);
            }
        }
        // Creates, updates and reads after everything they reference.
        for (Op op : applies.values()) {
            String node = op.change.address().resource().toString();
            for (ResourceAddress before : run.graph().resourcesBefore(node)) {
                appliesByResource.getOrDefault(before, List.of()).forEach(op::waitsFor);
            }
        }
        for (Op destroy : destroys.values()) {
            InstanceAddress address = destroy.change.address();
            Action action = destroy.change.action();
            Op apply = applies.get(address);
            if (action == Action.DELETE_THEN_CREATE) {
                apply.waitsFor(destroy);
            } else if (action == Action.CREATE_THEN_DELETE) {
                destroy.waitsFor(apply);
                // The old object goes only once its dependents point at the replacement.
                for (Op other : applies.values()) {
                    if (run.graph().resourcesBefore(other.change.address().resource().toString()).contains(address.resource())) {
                        destroy.waitsFor(other);
                    }
                }
            }
            // Destroy dependents first: an object's dependencies as state recorded them.
            String resource = address.resource().toString();
            for (Op other : destroys.values()) {
                if (dependsOn(other.change.address(), resource)) {
                    destroy.waitsFor(other);
                }
            }
            if (action == Action.DELETE) {
                for (Op other : applies.values()) {
                    if (dependsOn(other.change.address(), resource)) {
                        destroy.waitsFor(other);
                    }
                }
            }
        }
        List<Op> all = new ArrayList<>(destroys.values());
        all.addAll(applies.values());
        return all;
    }

    private boolean dependsOn(InstanceAddress dependent, String resource) {
        return run.state().instance(dependent).map(i -> i.dependencies().contains(resource)).orElse(false);
    }

    /** Runs every operation once its prerequisites are done, {@code parallelism} at a time. */
    private void run(List<Op> ops) {
        if (ops.isEmpty()) {
            return;
        }
        CountDownLatch finished = new CountDownLatch(ops.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(run.parallelism(), ops.size())), r -> {
            Thread t = new Thread(r, "terraform-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Op> ready = new ArrayList<>();
            synchronized (this) {
                ops.stream().filter(op -> op.waiting == 0).forEach(ready::add);
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException("Cycle between the operations of the apply: " + ops);
            }
            ready.forEach(op -> submit(pool, op, finished));
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void submit(ExecutorService pool, Op op, CountDownLatch finished) {
        pool.submit(() -> {
            boolean ok = false;
            try {
                execute(op);
                ok = true;
            } catch (RuntimeException e) {
                failures.add(failure(e, op.change.address()));
            } finally {
                complete(pool, op, ok, finished);
            }
        });
    }

    private void complete(ExecutorService pool, Op op, boolean ok, CountDownLatch finished) {
        List<Op> next = new ArrayList<>();
        List<Op> skipped = new ArrayList<>();
        synchronized (this) {
            for (Op dependent : op.dependents) {
                dependent.blocked |= !ok;
                if (--dependent.waiting == 0) {
                    (dependent.blocked ? skipped : next).add(dependent);
                }
            }
        }
        finished.countDown();
        next.forEach(d -> submit(pool, d, finished));
        skipped.forEach(d -> complete(pool, d, false, finished));
    }

    private void execute(Op op) {
        switch (op.kind) {
            case DESTROY -> destroy(op.change);
            case READ -> read(op.change.address());
            default -> applyChange(op.change);
        }
    }

    private void destroy(ResourceChange change) {
        InstanceAddress address = change.address();
        ResourceType type = run.provider().resource(address.resource().type()).orElseThrow();
        String id = String.valueOf(change.before().get("id"));
        run.progress().start(address, "Destroying", "destroying", id);
        String took;
        try {
            type.delete(run.aws(), Values.mutable(change.before()));
        } finally {
            took = run.progress().done(address);
        }
        if (change.action() != Action.CREATE_THEN_DELETE) {
            run.state().remove(address);
            run.scope().remove(address);
            run.persist();
        }
        run.progress().line(address + ": Destruction complete after " + took);
        destroyed.incrementAndGet();
    }

    private void read(InstanceAddress address) {
        ResourceConfig resource = run.config().resources().get(address.resource());
        DataSourceType type = run.provider().dataSource(address.resource().type()).orElseThrow();
        Map<String, Object> config = decoder.decode(resource.block().body(), type.schema(), run.instanceRoots(resource, address));
        Map<String, Object> result = DataReads.read(run, type, address, config);
        run.scope().put(address, result);
        run.persist();
    }

    /** Creates or updates, from the configuration evaluated again now that what it references exists. */
    private void applyChange(ResourceChange change) {
        InstanceAddress address = change.address();
        ResourceConfig resource = run.config().resources().get(address.resource());
        ResourceType type = run.provider().resource(address.resource().type()).orElseThrow();
        Schema schema = type.schema();
        boolean update = change.action() == Action.UPDATE;
        Map<String, Object> prior = update ? Values.mutable(change.before()) : null;
        Map<String, Object> config = decoder.decode(resource.block().body(), schema, run.instanceRoots(resource, address));
        Map<String, Object> planned = type.plan(run.aws(), prior, Proposal.proposed(schema, config, prior, resource.lifecycle()));
        String id = update ? String.valueOf(change.before().get("id")) : null;
        run.progress().start(address, update ? "Modifying" : "Creating", update ? "modifying" : "creating", id);
        Map<String, Object> result;
        String took;
        try {
            result = update ? type.update(run.aws(), prior, planned) : type.create(run.aws(), planned);
        } finally {
            took = run.progress().done(address);
        }
        List<String> dependencies = run.graph().managedDependencies(address.resource().toString()).stream()
                .map(ResourceAddress::toString).toList();
        run.state().put(address, new InstanceState(result, dependencies, resource.lifecycle().createBeforeDestroy()));
        run.scope().put(address, result);
        run.persist();
        run.progress().line(address + ": " + (update ? "Modifications complete after " : "Creation complete after ") + took
                + " [id=" + result.get("id") + "]");
        (update ? changed : added).incrementAndGet();
    }

    private Failure failure(RuntimeException e, InstanceAddress address) {
        ResourceConfig resource = run.config().resources().get(address.resource());
        if (e instanceof HclException h) {
            return new Failure(h.diagnostics().get(0), address.toString());
        }
        String summary = e instanceof ProviderException p ? p.summary() : String.valueOf(e.getMessage());
        String detail = e instanceof ProviderException p ? p.detail() : null;
        return Failure.of(summary, detail, resource == null ? null : resource.block().typeRange(), address.toString());
    }

    private void saveOutputs(boolean destroy) {
        Map<String, OutputState> outputs = new LinkedHashMap<>();
        if (!destroy) {
            for (OutputConfig output : run.config().outputs().values()) {
                try {
                    Value value = run.scope().evaluate(output.value());
                    if (value.isWhollyKnown()) {
                        outputs.put(output.name(), new OutputState(value.toPlain(), TypeJson.of(value), output.sensitive()));
                    }
                } catch (HclException e) {
                    if (failures.isEmpty()) {
                        e.diagnostics().forEach(d -> failures.add(new Failure(d, null)));
                    }
                }
            }
        }
        run.state().replaceOutputs(outputs);
    }

    /** Data sources whose blocks are gone leave the state, and a complete destroy leaves none, as Terraform does. */
    private void dropStaleDataSources(boolean all) {
        run.state().instances().keySet().stream()
                .filter(a -> a.resource().mode() == ResourceAddress.Mode.DATA)
                .filter(a -> all || !run.config().resources().containsKey(a.resource()))
                .forEach(a -> run.state().remove(a));
    }
}
