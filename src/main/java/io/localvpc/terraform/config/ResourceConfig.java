package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Traversal;
import io.localvpc.terraform.state.ResourceAddress;
import java.util.List;

/**
 * A {@code resource} or {@code data} block: its address, the block (for diagnostics and the
 * schema-driven decoding of its arguments) and its meta-arguments.
 *
 * @param count the {@code count} expression, or null
 * @param forEach the {@code for_each} expression, or null
 */
public record ResourceConfig(ResourceAddress address, Block block, Expression count, Expression forEach,
        List<Traversal> dependsOn, Lifecycle lifecycle) {

    public boolean expanded() {
        return count != null || forEach != null;
    }

    /** {@code resource "aws_vpc" "main"} or {@code data "aws_ami" "x"}, as diagnostics name the block. */
    public String blockLabel() {
        return (address.mode() == ResourceAddress.Mode.DATA ? "data" : "resource") + " \"" + address.type() + "\" \""
                + address.name() + "\"";
    }
}
