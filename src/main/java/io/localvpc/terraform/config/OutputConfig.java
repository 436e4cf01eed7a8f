package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Traversal;
import java.util.List;

/** An {@code output} block. */
public record OutputConfig(String name, Expression value, String description, boolean sensitive, List<Traversal> dependsOn,
        Block block) {}
