package io.localvpc.terraform.provider;

/**
 * A nested block type such as {@code root_block_device}, {@code ingress} or {@code filter}. In state
 * and in plain values a block is always a list of maps, one per block, whatever its nesting.
 *
 * @param nesting {@code LIST} keeps the order written, {@code SET} does not, {@code SINGLE} allows one
 * @param computed the provider fills the block when configuration leaves it out (root_block_device)
 */
public record NestedBlock(String name, Nesting nesting, Schema schema, int minItems, int maxItems, boolean forceNew,
        boolean computed) {

    public enum Nesting {
        LIST,
        SET,
        SINGLE
    }
}
