package io.localvpc.terraform.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code terraform.tfstate} in Terraform's format version 4, read and written atomically (a
 * temporary file, fsync, then rename) so an interrupted apply leaves either the old or the new
 * file, never half of one. Before the first write of a run the previous file becomes
 * {@code terraform.tfstate.backup}, as Terraform's local backend does.
 */
public final class StateFile {
    public static final String FILE_NAME = "terraform.tfstate";
    /** The Terraform release whose state format and CLI output the engine follows. */
    public static final String TERRAFORM_VERSION = "1.5.7";
    public static final String PROVIDER = "provider[\"registry.terraform.io/hashicorp/aws\"]";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Path path;
    private boolean backedUp;
    /** The file's bytes as this object last read or wrote them (null: not read yet), so a write need not read the file back. */
    private byte[] onDisk;

    public StateFile(Path path) {
        this.path = path;
    }

    /** The state file of a working directory. */
    public static StateFile in(Path dir) {
        return new StateFile(dir.resolve(FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /** The state on disk, or an empty one when there is no file yet. */
    public synchronized State read() {
        if (!Files.exists(path)) {
            return State.empty();
        }
        try {
            onDisk = Files.readAllBytes(path);
            JsonNode root = JSON.readTree(onDisk);
            if (root == null || root.isEmpty()) {
                return State.empty();
            }
            int version = root.path("version").asInt();
            if (version != 4) {
                throw new IllegalStateException("Unsupported state file format: " + path
                        + " has version " + version + "; only version 4 is supported.");
            }
            State state = new State(root.path("lineage").asText(), root.path("serial").asLong());
            for (JsonNode resource : root.path("resources")) {
                ResourceAddress address = new ResourceAddress(ResourceAddress.Mode.fromStateName(resource.path("mode").asText()),
                        resource.path("type").asText(), resource.path("name").asText());
                for (JsonNode instance : resource.path("instances")) {
                    Object key = instance.has("index_key") ? plain(instance.get("index_key")) : null;
                    List<String> dependencies = new ArrayList<>();
                    instance.path("dependencies").forEach(d -> dependencies.add(d.asText()));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attributes = (Map<String, Object>) plain(instance.path("attributes"));
                    state.put(address.instance(key), new InstanceState(attributes == null ? Map.of() : attributes,
                            dependencies, instance.path("create_before_destroy").asBoolean(false)));
                }
            }
            Map<String, OutputState> outputs = new LinkedHashMap<>();
            root.path("outputs").properties().forEach(e -> outputs.put(e.getKey(), new OutputState(
                    plain(e.getValue().get("value")), plain(e.getValue().get("type")), e.getValue().path("sensitive").asBoolean())));
            state.replaceOutputs(outputs);
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to load state: " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code state} with its serial incremented, unless the file already holds exactly this
     * state (a run that changed nothing leaves the file alone, as Terraform does). Synchronized:
     * parallel applies record one at a time.
     */
    public synchronized void write(State state) {
        try {
            if (onDisk == null && Files.exists(path)) {
                onDisk = Files.readAllBytes(path);
            }
            if (onDisk != null && java.util.Arrays.equals(onDisk, render(state, state.serial()))) {
                return;
            }
            if (!backedUp) {
                if (Files.exists(path)) {
                    Files.copy(path, path.resolveSibling(path.getFileName() + ".backup"), StandardCopyOption.REPLACE_EXISTING);
                }
                backedUp = true;
            }
            byte[] bytes = render(state, state.nextSerial());
            Path temp = path.resolveSibling("." + path.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            onDisk = bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to persist state to " + path + ": " + e.getMessage(), e);
        }
    }

    static byte[] render(State state, long serial) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 4);
        root.put("terraform_version", TERRAFORM_VERSION);
        root.put("serial", serial);
        root.put("lineage", state.lineage());
        ObjectNode outputs = root.putObject("outputs");
        state.outputs().forEach((name, output) -> {
            ObjectNode o = outputs.putObject(name);
            o.set("value", JSON.valueToTree(output.value()));
            o.set("type", JSON.valueToTree(output.type()));
            if (output.sensitive()) {
                o.put("sensitive", true);
            }
        });
        ArrayNode resources = root.putArray("resources");
        Map<ResourceAddress, List<Map.Entry<InstanceAddress, InstanceState>>> byResource = new TreeMap<>();
        state.instances().entrySet().forEach(e -> byResource.computeIfAbsent(e.getKey().resource(), r -> new ArrayList<>()).add(e));
        byResource.forEach((address, instances) -> {
            ObjectNode r = resources.addObject();
            r.put("mode", address.mode().stateName());
            r.put("type", address.type());
            r.put("name", address.name());
            r.put("provider", PROVIDER);
            ArrayNode list = r.putArray("instances");
            for (Map.Entry<InstanceAddress, InstanceState> e : instances) {
                ObjectNode i = list.addObject();
                Object key = e.getKey().key();
                if (key instanceof BigDecimal n) {
                    i.put("index_key", n);
                } else if (key != null) {
                    i.put("index_key", key.toString());
                }
                i.put("schema_version", 0);
                i.set("attributes", JSON.valueToTree(e.getValue().attributes()));
                i.putArray("sensitive_attributes");
                if (address.mode() == ResourceAddress.Mode.MANAGED) {
                    if (e.getValue().createBeforeDestroy()) {
                        i.put("create_before_destroy", true);
                    }
                    ArrayNode deps = i.putArray("dependencies");
                    e.getValue().dependencies().stream().sorted().forEach(deps::add);
                }
            }
        });
        root.putNull("check_results");
        // Go's json.MarshalIndent layout: two spaces, "key": value, empty collections as [] and {}.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return (JSON.writer(printer).writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A JSON node as the plain values of the provider contract, objects in the file's key order. */
    static Object plain(JsonNode node) {
        return Values.fromJson(node, LinkedHashMap::new);
    }

    /** The JSON mapper state files use, for {@code output -json}. */
    public static ObjectMapper json() {
        return JSON;
    }
}
