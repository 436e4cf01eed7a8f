package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Expression;

/**
 * The {@code provider "aws"} block, reduced to what the engine uses: {@code region} and
 * {@code default_tags { tags }}. Credentials, {@code skip_*} flags and {@code endpoints} are
 * accepted and ignored: the engine always talks to LocalVPC.
 *
 * @param block the block, or null when the configuration has none
 */
public record ProviderConfig(Expression region, Expression defaultTags, Block block) {
    public static final ProviderConfig NONE = new ProviderConfig(null, null, null);
}
