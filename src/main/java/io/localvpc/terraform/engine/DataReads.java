package io.localvpc.terraform.engine;

import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.InstanceState;
import java.util.List;
import java.util.Map;

/** Reads one data source instance, with Terraform's progress lines, and records what it read in state. */
final class DataReads {
    private DataReads() {}

    static Map<String, Object> read(Run run, DataSourceType type, InstanceAddress address, Map<String, Object> config) {
        run.progress().start(address, "Reading", "reading", null);
        Map<String, Object> result;
        String took;
        try {
            result = type.read(run.aws(), config);
        } finally {
            took = run.progress().done(address);
        }
        Object id = result.get("id");
        run.progress().line(address + ": Read complete after " + took + (id == null ? "" : " [id=" + id + "]"));
        run.state().put(address, new InstanceState(result, List.of(), false));
        return result;
    }
}
