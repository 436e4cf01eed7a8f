package io.localvpc.terraform.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The Terraform state of one working directory: every resource instance and data source read,
 * and the root outputs. Thread-safe, because the engine applies several resources at once and
 * records each one as soon as it is done.
 */
public final class State {
    private final String lineage;
    private long serial;
    private final Map<InstanceAddress, InstanceState> instances = new TreeMap<>();
    private final Map<String, OutputState> outputs = new TreeMap<>();

    public State(String lineage, long serial) {
        this.lineage = lineage;
        this.serial = serial;
    }

    /** A state for a directory that never had one. */
    public static State empty() {
        return new State(UUID.randomUUID().toString(), 0);
    }

    public String lineage() {
        return lineage;
    }

    public synchronized long serial() {
        return serial;
    }

    synchronized long nextSerial() {
        return ++serial;
    }

    public synchronized Optional<InstanceState> instance(InstanceAddress address) {
        return Optional.ofNullable(instances.get(address));
    }

    public synchronized void put(InstanceAddress address, InstanceState state) {
        instances.put(address, state);
    }

    public synchronized void remove(InstanceAddress address) {
        instances.remove(address);
    }

    /** Every instance, in Terraform's order (data sources first, then by type, name and key). */
    public synchronized Map<InstanceAddress, InstanceState> instances() {
        return new LinkedHashMap<>(instances);
    }

    /** The managed resource instances only. */
    public synchronized Map<InstanceAddress, InstanceState> managed() {
        Map<InstanceAddress, InstanceState> out = new LinkedHashMap<>();
        instances.forEach((a, s) -> {
            if (a.resource().mode() == ResourceAddress.Mode.MANAGED) {
                out.put(a, s);
            }
        });
        return out;
    }

    public synchronized Map<String, OutputState> outputs() {
        return new LinkedHashMap<>(outputs);
    }

    public synchronized void replaceOutputs(Map<String, OutputState> newOutputs) {
        outputs.clear();
        outputs.putAll(newOutputs);
    }
}
