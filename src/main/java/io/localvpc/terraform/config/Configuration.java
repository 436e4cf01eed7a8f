package io.localvpc.terraform.config;

import io.localvpc.terraform.state.ResourceAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A root module: every {@code .tf} file of a directory, checked against the provider's schemas
 * and reduced to variables, locals, outputs, resources, data sources and the provider block.
 *
 * @param sources each file's text by file name, for diagnostics that quote source lines
 */
public record Configuration(Path dir, Map<String, String> sources, Map<String, VariableConfig> variables,
        Map<String, LocalConfig> locals, Map<String, OutputConfig> outputs, Map<ResourceAddress, ResourceConfig> resources,
        ProviderConfig provider) {

    public Configuration {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }
}
