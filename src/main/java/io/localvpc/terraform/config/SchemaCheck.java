package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Attribute;
import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Body;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import java.util.Set;

/**
 * Checks a resource or data source body against its type's schema before anything is evaluated:
 * unknown arguments and block types, arguments only the provider may set, missing required
 * arguments, and {@code dynamic} blocks for block types the schema has. Meta-arguments
 * ({@code count}, {@code lifecycle}…) are the loader's business and skipped here.
 */
final class SchemaCheck {
    private final Diagnostics diagnostics;

    SchemaCheck(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Body body, Schema schema, Set<String> metaArguments, Set<String> metaBlocks, Block owner) {
        for (Attribute attribute : body.attributes()) {
            if (metaArguments.contains(attribute.name())) {
                continue;
            }
            io.localvpc.terraform.provider.Attribute declared = schema.attributes().get(attribute.name());
            if (declared == null) {
                String hint = schema.blocks().containsKey(attribute.name())
                        ? " Did you mean to define a block of type \"" + attribute.name() + "\"?" : "";
                diagnostics.error("Unsupported argument", "An argument named \"" + attribute.name() + "\" is not expected here." + hint,
                        attribute.nameRange());
            } else if (!declared.settable()) {
                diagnostics.error("Invalid or unknown key", "Can't configure a value for \"" + attribute.name()
                        + "\": its value will be decided automatically based on the result of applying this configuration.",
                        attribute.nameRange());
            }
        }
        for (Block block : body.blocks()) {
            if (metaBlocks.contains(block.type())) {
                continue;
            }
            if (block.type().equals("dynamic")) {
                dynamic(block, schema);
                continue;
            }
            NestedBlock nested = schema.blocks().get(block.type());
            if (nested == null) {
                String hint = schema.attributes().containsKey(block.type())
                        ? " Did you mean to define argument \"" + block.type() + "\"? If so, use the equals sign to assign it a value."
                        : "";
                diagnostics.error("Unsupported block type", "Blocks of type \"" + block.type() + "\" are not expected here." + hint,
                        block.typeRange());
                continue;
            }
            check(block.body(), nested.schema(), Set.of(), Set.of(), block);
        }
        schema.attributes().values().stream()
                .filter(a -> a.mode() == io.localvpc.terraform.provider.Attribute.Mode.REQUIRED)
                .filter(a -> body.attribute(a.name()).isEmpty())
                .forEach(a -> diagnostics.error("Missing required argument",
                        "The argument \"" + a.name() + "\" is required, but no definition was found.", owner.typeRange()));
    }

    private void dynamic(Block block, Schema schema) {
        if (block.labels().size() != 1) {
            diagnostics.error("Missing name for dynamic", "All dynamic blocks must have 1 labels: the name of the block to generate.",
                    block.typeRange());
            return;
        }
        NestedBlock nested = schema.blocks().get(block.labels().get(0));
        if (nested == null) {
            diagnostics.error("Unsupported block type", "Blocks of type \"" + block.labels().get(0) + "\" are not expected here.",
                    block.typeRange());
            return;
        }
        Body body = block.body();
        for (Attribute attribute : body.attributes()) {
            if (!Set.of("for_each", "iterator", "labels").contains(attribute.name())) {
                diagnostics.error("Unsupported argument", "An argument named \"" + attribute.name() + "\" is not expected here.",
                        attribute.nameRange());
            }
        }
        if (body.attribute("for_each").isEmpty()) {
            diagnostics.error("Missing required argument", "The argument \"for_each\" is required, but no definition was found.",
                    block.typeRange());
        }
        if (body.blocks("content").size() != 1) {
            diagnostics.error(body.blocks("content").isEmpty() ? "Missing content block" : "Duplicate content block",
                    "A dynamic block must have exactly one nested block of type \"content\".", block.typeRange());
        }
        for (Block inner : body.blocks()) {
            if (inner.type().equals("content")) {
                check(inner.body(), nested.schema(), Set.of(), Set.of(), inner);
            } else {
                diagnostics.error("Unsupported block type", "Blocks of type \"" + inner.type() + "\" are not expected here.",
                        inner.typeRange());
            }
        }
    }
}
