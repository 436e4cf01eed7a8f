package io.localvpc.terraform.lang;

import java.util.List;
import java.util.Optional;

/** The content of a file or a block: arguments (attributes) and nested blocks, each in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
}
