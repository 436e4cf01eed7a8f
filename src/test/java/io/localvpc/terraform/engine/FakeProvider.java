package io.localvpc.terraform.engine;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Provider;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A provider for the engine's unit tests: {@code aws_box} objects kept in memory (a forceNew
 * {@code kind}, an updatable {@code size} and {@code tags}, a {@code rule} block, a computed
 * {@code arn}), and a {@code aws_box_lookup} data source. It records the order of calls and
 * lets a test fail a create or hold creates to observe concurrency.
 */
final class FakeProvider implements Provider {
    final Map<String, Map<String, Object>> boxes = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger ids = new AtomicInteger();
    volatile String failName;
    volatile Consumer<String> onCreate = name -> {};

    static final Schema BOX = Schema.builder()
            .computed("id", AttributeType.STRING)
            .required("name", AttributeType.STRING)
            .optionalForceNew("kind", AttributeType.STRING, "small")
            .optional("size", AttributeType.NUMBER)
            .optional("parent", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .optional("labels", AttributeType.listOf(AttributeType.STRING))
            .computed("arn", AttributeType.STRING)
            .block(new NestedBlock("rule", NestedBlock.Nesting.LIST, Schema.builder()
                    .required("port", AttributeType.NUMBER)
                    .optional("protocol", AttributeType.STRING, "tcp")
                    .build(), 0, 0, false, false))
            .build();

    static final Schema LOOKUP = Schema.builder()
            .computed("id", AttributeType.STRING)
            .required("name", AttributeType.STRING)
            .computed("arn", AttributeType.STRING)
            .build();

    private final ResourceType box = new ResourceType() {
        @Override
        public String typeName() {
            return "aws_box";
        }

        @Override
        public Schema schema() {
            return BOX;
        }

        @Override
        public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
            String name = Plain.string(planned, "name");
            onCreate.accept(name);
            if (name.equals(failName)) {
                throw new ProviderException("creating Box (" + name + "): api error Boom: the box broke");
            }
            String id = "box-" + ids.incrementAndGet();
            calls.add("create " + name);
            Map<String, Object> state = new LinkedHashMap<>(planned);
            state.put("id", id);
            state.put("arn", "arn:aws:box:::" + id);
            boxes.put(id, state);
            return new LinkedHashMap<>(state);
        }

        @Override
        public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
            Map<String, Object> found = boxes.get(Plain.string(state, "id"));
            return Optional.ofNullable(found == null ? null : new LinkedHashMap<>(found));
        }

        @Override
        public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
            calls.add("update " + Plain.string(planned, "name"));
            Map<String, Object> state = new LinkedHashMap<>(planned);
            boxes.put(Plain.string(prior, "id"), state);
            return new LinkedHashMap<>(state);
        }

        @Override
        public void delete(AwsContext aws, Map<String, Object> state) {
            calls.add("delete " + Plain.string(state, "name"));
            boxes.remove(Plain.string(state, "id"));
        }
    };

    private final DataSourceType lookup = new DataSourceType() {
        @Override
        public String typeName() {
            return "aws_box_lookup";
        }

        @Override
        public Schema schema() {
            return LOOKUP;
        }

        @Override
        public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
            String name = Plain.string(config, "name");
            calls.add("read " + name);
            Map<String, Object> out = new LinkedHashMap<>(config);
            out.put("id", "lookup-" + name);
            out.put("arn", "arn:aws:lookup:::" + name);
            return out;
        }
    };

    @Override
    public Optional<ResourceType> resource(String typeName) {
        return typeName.equals("aws_box") ? Optional.of(box) : Optional.empty();
    }

    @Override
    public Optional<DataSourceType> dataSource(String typeName) {
        return typeName.equals("aws_box_lookup") ? Optional.of(lookup) : Optional.empty();
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("aws_box");
    }

    @Override
    public Set<String> dataSourceTypes() {
        return Set.of("aws_box_lookup");
    }
}
