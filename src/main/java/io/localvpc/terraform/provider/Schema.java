package io.localvpc.terraform.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes and nested block types of a resource or data source type, in declaration order. */
public record Schema(Map<String, Attribute> attributes, Map<String, NestedBlock> blocks) {

    public Schema {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declares a schema attribute by attribute, as the provider's source reads. */
    public static final class Builder {
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();
        private final Map<String, NestedBlock> blocks = new LinkedHashMap<>();

        public Builder required(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.REQUIRED, false, null, false));
        }

        /** A required argument whose change replaces the resource. */
        public Builder requiredForceNew(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.REQUIRED, true, null, false));
        }

        public Builder optional(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL, false, null, false));
        }

        public Builder optional(String name, AttributeType type, Object defaultValue) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL, false, defaultValue, false));
        }

        public Builder optionalForceNew(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL, true, null, false));
        }

        public Builder optionalForceNew(String name, AttributeType type, Object defaultValue) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL, true, defaultValue, false));
        }

        public Builder optionalComputed(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL_COMPUTED, false, null, false));
        }

        public Builder optionalComputedForceNew(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.OPTIONAL_COMPUTED, true, null, false));
        }

        public Builder computed(String name, AttributeType type) {
            return add(new Attribute(name, type, Attribute.Mode.COMPUTED, false, null, false));
        }

        public Builder add(Attribute attribute) {
            attributes.put(attribute.name(), attribute);
            return this;
        }

        public Builder block(NestedBlock block) {
            blocks.put(block.name(), block);
            return this;
        }

        public Schema build() {
            return new Schema(attributes, blocks);
        }
    }
}
