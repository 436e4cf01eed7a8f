package io.localvpc.terraform.render;

import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.InstanceState;
import io.localvpc.terraform.state.ResourceAddress;
import java.util.Map;
import java.util.Set;

/** {@code state show}: one instance's attributes, sorted and aligned, nested blocks last. */
public final class StateRenderer {
    private StateRenderer() {}

    /** @param schema the type's schema, or null when the type is unknown (every attribute is then shown as a value) */
    public static String show(InstanceAddress address, InstanceState instance, Schema schema) {
        Lines lines = new Lines(false);
        ResourceAddress resource = address.resource();
        lines.line(0, "", "# " + address + ":");
        lines.line(0, "", (resource.mode() == ResourceAddress.Mode.DATA ? "data" : "resource") + " \"" + resource.type()
                + "\" \"" + resource.name() + "\" {");
        Map<String, Object> attributes = instance.attributes();
        new BodyRenderer(lines, false).body(1, schema == null ? new Schema(Map.of(), Map.of()) : schema, attributes,
                attributes, Set.of());
        lines.line(0, "", "}");
        return lines.toString();
    }
}
