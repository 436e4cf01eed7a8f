package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.Configuration;
import io.localvpc.terraform.config.DependencyGraph;
import io.localvpc.terraform.config.ResourceConfig;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Provider;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.ResourceAddress;
import io.localvpc.terraform.state.State;
import io.localvpc.terraform.state.StateFile;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one command's plan and apply share: the configuration and its graph, the provider
 * and its AWS context, the state (and its file, written after every change), the scope
 * expressions are evaluated in, how many operations may run at once, and where progress goes.
 */
public record Run(Configuration config, DependencyGraph graph, Provider provider, AwsContext aws, State state, StateFile stateFile,
        Scope scope, int parallelism, Progress progress) {

    /** The schema of a resource or data source type (known to exist: the loader checked). */
    public Schema schema(ResourceAddress address) {
        return address.mode() == ResourceAddress.Mode.DATA
                ? provider.dataSource(address.type()).orElseThrow().schema()
                : provider.resource(address.type()).map(r -> r.schema()).orElse(null);
    }

    /** The {@code count} / {@code each} roots of one instance. */
    Map<String, Value> instanceRoots(ResourceConfig resource, InstanceAddress address) {
        Map<String, Value> roots = new LinkedHashMap<>();
        if (resource.count() != null) {
            Map<String, Value> count = new LinkedHashMap<>();
            count.put("index", Value.number((BigDecimal) address.key()));
            roots.put("count", Value.object(count));
        } else if (resource.forEach() != null) {
            Map<String, Value> each = new LinkedHashMap<>();
            each.put("key", Value.string(address.key().toString()));
            Expansion expansion = scope.expansion(resource.address());
            each.put("value", expansion == null ? Value.NULL : expansion.instances().get(address.key()));
            roots.put("each", Value.object(each));
        }
        return roots;
    }

    /** Records the state file's new content; every change is written at once so an interrupted apply loses nothing. */
    void persist() {
        stateFile.write(state);
    }
}
