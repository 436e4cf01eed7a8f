package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Attribute;
import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Body;
import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Functions;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.HclParser;
import io.localvpc.terraform.lang.Traversal;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.Provider;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.ResourceAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a directory's {@code .tf} files into a {@link Configuration}, refusing up front, with the
 * source position, everything the built-in engine does not do (modules, other providers, provider
 * aliases, provisioners…) and everything Terraform itself would refuse (unknown arguments and
 * blocks, missing required arguments, duplicate names, references to undeclared objects).
 */
public final class ConfigLoader {
    private static final Set<String> RESOURCE_META = Set.of("count", "for_each", "depends_on");
    private static final Set<String> UNSUPPORTED_TOP_LEVEL = Set.of("module", "moved", "import", "check", "removed");

    private final Provider provider;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, VariableConfig> variables = new LinkedHashMap<>();
    private final Map<String, LocalConfig> locals = new LinkedHashMap<>();
    private final Map<String, OutputConfig> outputs = new LinkedHashMap<>();
    private final Map<ResourceAddress, ResourceConfig> resources = new LinkedHashMap<>();
    private ProviderConfig providerConfig = ProviderConfig.NONE;
    private EvalContext literals;

    private ConfigLoader(Provider provider) {
        this.provider = provider;
    }

    /** Loads {@code dir}; throws {@link HclException} with every problem found. */
    public static Configuration load(Path dir, Provider provider) {
        return new ConfigLoader(provider).loadDir(dir);
    }

    /** The sources read so far, for printing diagnostics of a load that failed. */
    public static Map<String, String> sources(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path file : files(dir)) {
            out.put(file.getFileName().toString(), read(file));
        }
        return out;
    }

    private Configuration loadDir(Path dir) {
        literals = new EvalContext(Map.of(), Functions.standard(dir));
        List<Path> files = files(dir);
        if (files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".tf"))) {
            throw new HclException("No configuration files",
                    "Apply requires configuration to be present. Applying without a configuration would mark everything for destruction, which is normally not what is desired. If you would like to destroy everything, run 'localvpc destroy' instead.",
                    null);
        }
        List<Body> bodies = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = read(file);
            sources.put(name, text);
            if (name.endsWith(".tf.json")) {
                diagnostics.error("Unsupported configuration file", "JSON configuration syntax (" + name
                        + ") is not supported by LocalVPC's built-in Terraform engine; write it in native syntax (.tf).", null);
                continue;
            }
            try {
                bodies.add(HclParser.parseFile(name, text));
            } catch (HclException e) {
                diagnostics.add(e);
            }
        }
        diagnostics.throwIfAny();
        bodies.forEach(this::topLevel);
        diagnostics.throwIfAny();
        Configuration config = new Configuration(dir, sources, variables, locals, outputs, resources, providerConfig);
        checkReferences(config);
        diagnostics.throwIfAny();
        DependencyGraph.of(config);
        return config;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".tf") || f.getFileName().toString().endsWith(".tf.json"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read module directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read file " + file + ": " + e.getMessage(), e);
        }
    }

    private void topLevel(Body body) {
        for (Attribute attribute : body.attributes()) {
            diagnostics.error("Unsupported argument", "An argument named \"" + attribute.name() + "\" is not expected here.",
                    attribute.nameRange());
        }
        for (Block block : body.blocks()) {
            switch (block.type()) {
                case "terraform" -> terraformBlock(block);
                case "provider" -> providerBlock(block);
                case "variable" -> variable(block);
                case "locals" -> locals(block);
                case "output" -> output(block);
                case "resource" -> resource(block, ResourceAddress.Mode.MANAGED);
                case "data" -> resource(block, ResourceAddress.Mode.DATA);
                default -> {
                    if (UNSUPPORTED_TOP_LEVEL.contains(block.type())) {
                        diagnostics.unsupported("Unsupported block type", "Blocks of type \"" + block.type()
                                + "\" are not supported by LocalVPC's built-in Terraform engine, which runs single-module configurations"
                                + (block.type().equals("module") ? "; write the module's resources in the root module." : "."),
                                block.typeRange());
                    } else {
                        diagnostics.error("Unsupported block type", "Blocks of type \"" + block.type() + "\" are not expected here.",
                                block.typeRange());
                    }
                }
            }
        }
    }

    /** {@code terraform { required_providers … }}: accepted; only a remote backend or cloud block is refused. */
    private void terraformBlock(Block block) {
        for (Block inner : block.body().blocks()) {
            if ((inner.type().equals("backend") && !inner.labels().equals(List.of("local"))) || inner.type().equals("cloud")) {
                diagnostics.unsupported("Unsupported block type", "The built-in engine keeps state in terraform.tfstate in the working directory; "
                        + "a " + inner.type() + " block" + (inner.labels().isEmpty() ? "" : " \"" + inner.labels().get(0) + "\"")
                        + " is not supported.", inner.typeRange());
            }
        }
    }

    private void providerBlock(Block block) {
        String name = block.labels().isEmpty() ? "" : block.labels().get(0);
        if (!name.equals("aws")) {
            diagnostics.unsupported("Unsupported provider", "LocalVPC's built-in Terraform engine serves only the \"aws\" provider, not \""
                    + name + "\".", block.typeRange());
            return;
        }
        if (block.body().attribute("alias").isPresent()) {
            diagnostics.unsupported("Unsupported argument", "Provider aliases are not supported by LocalVPC's built-in Terraform engine: "
                    + "configure one provider \"aws\" block.", block.body().attribute("alias").get().nameRange());
            return;
        }
        if (providerConfig.block() != null) {
            diagnostics.error("Duplicate provider configuration", "A default (non-aliased) provider configuration for \"aws\" was already given at "
                    + providerConfig.block().typeRange() + ".", block.typeRange());
            return;
        }
        Expression tags = null;
        for (Block inner : block.body().blocks("default_tags")) {
            tags = inner.body().attribute("tags").map(Attribute::expression).orElse(null);
        }
        providerConfig = new ProviderConfig(block.body().attribute("region").map(Attribute::expression).orElse(null), tags, block);
    }

    private void variable(Block block) {
        String name = label(block, "variable");
        if (name == null) {
            return;
        }
        Body body = block.body();
        allowOnly(body, Set.of("type", "default", "description", "sensitive", "nullable"), Set.of("validation"));
        Type type = Type.DYNAMIC;
        Optional<Attribute> typeAttr = body.attribute("type");
        if (typeAttr.isPresent()) {
            try {
                type = Type.fromConstraint(typeAttr.get().expression());
            } catch (HclException e) {
                diagnostics.add(e);
            }
        }
        List<VariableConfig.Validation> validations = new ArrayList<>();
        for (Block v : body.blocks("validation")) {
            allowOnly(v.body(), Set.of("condition", "error_message"), Set.of());
            Optional<Attribute> condition = v.body().attribute("condition");
            Optional<Attribute> message = v.body().attribute("error_message");
            if (condition.isEmpty() || message.isEmpty()) {
                diagnostics.error("Missing required argument", "The argument \"" + (condition.isEmpty() ? "condition" : "error_message")
                        + "\" is required, but no definition was found.", v.typeRange());
                continue;
            }
            validations.add(new VariableConfig.Validation(condition.get().expression(), message.get().expression()));
        }
        if (variables.containsKey(name)) {
            diagnostics.error("Duplicate variable declaration", "A variable named \"" + name + "\" was already declared at "
                    + variables.get(name).block().typeRange() + ". Variable names must be unique within a module.", block.typeRange());
            return;
        }
        variables.put(name, new VariableConfig(name, type, body.attribute("default").map(Attribute::expression).orElse(null),
                literalString(body, "description"), literalBool(body, "sensitive", false), literalBool(body, "nullable", true),
                validations, block));
    }

    private void locals(Block block) {
        for (Block inner : block.body().blocks()) {
            diagnostics.error("Unsupported block type", "Blocks of type \"" + inner.type() + "\" are not expected here.",
                    inner.typeRange());
        }
        for (Attribute attribute : block.body().attributes()) {
            if (locals.containsKey(attribute.name())) {
                diagnostics.error("Duplicate local value definition", "A local value named \"" + attribute.name()
                        + "\" was already defined at " + locals.get(attribute.name()).attribute().nameRange()
                        + ". Local value names must be unique within a module.", attribute.nameRange());
                continue;
            }
            locals.put(attribute.name(), new LocalConfig(attribute.name(), attribute));
        }
    }

    private void output(Block block) {
        String name = label(block, "output");
        if (name == null) {
            return;
        }
        Body body = block.body();
        allowOnly(body, Set.of("value", "description", "sensitive", "depends_on"), Set.of());
        Optional<Attribute> value = body.attribute("value");
        if (value.isEmpty()) {
            diagnostics.error("Missing required argument", "The argument \"value\" is required, but no definition was found.",
                    block.typeRange());
            return;
        }
        if (outputs.containsKey(name)) {
            diagnostics.error("Duplicate output definition", "An output named \"" + name + "\" was already defined at "
                    + outputs.get(name).block().typeRange() + ". Output names must be unique within a module.", block.typeRange());
            return;
        }
        outputs.put(name, new OutputConfig(name, value.get().expression(), literalString(body, "description"),
                literalBool(body, "sensitive", false), dependsOn(body), block));
    }

    private void resource(Block block, ResourceAddress.Mode mode) {
        String kind = mode == ResourceAddress.Mode.DATA ? "data" : "resource";
        if (block.labels().size() != 2) {
            diagnostics.error("Missing name for " + kind, "All " + kind + " blocks must have 2 labels (type, name).", block.typeRange());
            return;
        }
        String type = block.labels().get(0);
        String name = block.labels().get(1);
        ResourceAddress address = new ResourceAddress(mode, type, name);
        Optional<Schema> schema = mode == ResourceAddress.Mode.DATA
                ? provider.dataSource(type).map(d -> d.schema())
                : provider.resource(type).map(r -> r.schema());
        if (schema.isEmpty()) {
            String owner = type.contains("_") ? type.substring(0, type.indexOf('_')) : type;
            if (owner.equals("aws")) {
                diagnostics.unsupported("Invalid " + (mode == ResourceAddress.Mode.DATA ? "data source" : "resource type"),
                        "The provider hashicorp/aws does not support " + (mode == ResourceAddress.Mode.DATA ? "data source" : "resource type")
                                + " \"" + type + "\" in LocalVPC's built-in Terraform engine, which serves the AWS network resources.",
                        block.typeRange());
            } else {
                diagnostics.unsupported("Unsupported provider", "LocalVPC's built-in Terraform engine serves only the \"aws\" provider; "
                        + kind + " type \"" + type + "\" belongs to provider \"" + owner + "\".", block.typeRange());
            }
            return;
        }
        Body body = block.body();
        body.attribute("provider").ifPresent(p -> diagnostics.unsupported("Unsupported argument",
                "The \"provider\" meta-argument selects a provider alias; provider aliases are not supported by LocalVPC's built-in Terraform engine.",
                p.nameRange()));
        for (String unsupported : List.of("provisioner", "connection")) {
            body.blocks(unsupported).forEach(b -> diagnostics.unsupported("Unsupported block type",
                    "Blocks of type \"" + unsupported + "\" are not supported by LocalVPC's built-in Terraform engine.", b.typeRange()));
        }
        Expression count = body.attribute("count").map(Attribute::expression).orElse(null);
        Expression forEach = body.attribute("for_each").map(Attribute::expression).orElse(null);
        if (count != null && forEach != null) {
            diagnostics.error("Invalid combination of \"count\" and \"for_each\"",
                    "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.",
                    body.attribute("for_each").get().nameRange());
        }
        Lifecycle lifecycle = Lifecycle.DEFAULT;
        for (Block l : body.blocks("lifecycle")) {
            if (mode == ResourceAddress.Mode.DATA) {
                diagnostics.error("Unsupported block type", "Blocks of type \"lifecycle\" are not expected here.", l.typeRange());
            } else {
                lifecycle = lifecycle(l);
            }
        }
        new SchemaCheck(diagnostics).check(body, schema.get(), Set.of("count", "for_each", "depends_on", "provider"),
                Set.of("lifecycle", "provisioner", "connection"), block);
        if (resources.containsKey(address)) {
            diagnostics.error("Duplicate " + kind + " \"" + type + "\" configuration", "A " + type + " " + kind + " named \"" + name
                    + "\" was already declared at " + resources.get(address).block().typeRange()
                    + ". Resource names must be unique per type in each module.", block.typeRange());
            return;
        }
        resources.put(address, new ResourceConfig(address, block, count, forEach, dependsOn(body), lifecycle));
    }

    private Lifecycle lifecycle(Block block) {
        Body body = block.body();
        allowOnly(body, Set.of("create_before_destroy", "prevent_destroy", "ignore_changes"), Set.of());
        Set<String> ignored = new HashSet<>();
        boolean all = false;
        Optional<Attribute> ignore = body.attribute("ignore_changes");
        if (ignore.isPresent()) {
            Expression e = ignore.get().expression();
            if ("all".equals(ExpressionSite.keyword(e))) {
                all = true;
            } else if (e.asTupleElements() != null) {
                for (Expression element : e.asTupleElements()) {
                    Traversal t = element.asTraversal();
                    if (t == null) {
                        diagnostics.error("Invalid expression", "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
                                element.range());
                    } else {
                        ignored.add(t.root());
                    }
                }
            } else {
                diagnostics.error("Invalid ignore_changes", "The ignore_changes argument must be a list of attribute names, or the keyword \"all\".",
                        e.range());
            }
        }
        return new Lifecycle(literalBool(body, "create_before_destroy", false), literalBool(body, "prevent_destroy", false), ignored, all);
    }

    private List<Traversal> dependsOn(Body body) {
        Optional<Attribute> attribute = body.attribute("depends_on");
        if (attribute.isEmpty()) {
            return List.of();
        }
        List<Expression> elements = attribute.get().expression().asTupleElements();
        if (elements == null) {
            diagnostics.error("Invalid expression", "A static list expression is required.", attribute.get().expression().range());
            return List.of();
        }
        List<Traversal> out = new ArrayList<>();
        for (Expression element : elements) {
            Traversal t = element.asTraversal();
            if (t == null || t.root().equals("var") || t.root().equals("local")) {
                diagnostics.error("Invalid expression", "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
                        element.range());
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private String label(Block block, String kind) {
        if (block.labels().size() != 1) {
            diagnostics.error("Missing name for " + kind, "All " + kind + " blocks must have 1 labels (name).", block.typeRange());
            return null;
        }
        return block.labels().get(0);
    }

    private void allowOnly(Body body, Set<String> attributes, Set<String> blocks) {
        body.attributes().stream().filter(a -> !attributes.contains(a.name())).forEach(a -> diagnostics.error(
                "Unsupported argument", "An argument named \"" + a.name() + "\" is not expected here.", a.nameRange()));
        body.blocks().stream().filter(b -> !blocks.contains(b.type())).forEach(b -> diagnostics.error(
                "Unsupported block type", "Blocks of type \"" + b.type() + "\" are not expected here.", b.typeRange()));
    }

    private String literalString(Body body, String name) {
        return literal(body, name).map(Value::asString).orElse(null);
    }

    private boolean literalBool(Body body, String name, boolean otherwise) {
        return literal(body, name).map(v -> v.convert(Type.BOOL).asBool()).orElse(otherwise);
    }

    private Optional<Value> literal(Body body, String name) {
        Optional<Attribute> attribute = body.attribute(name);
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        try {
            Value value = attribute.get().expression().evaluate(literals);
            return value.isNull() ? Optional.empty() : Optional.of(value);
        } catch (HclException e) {
            diagnostics.error("Variables not allowed", "The value of \"" + name + "\" must be a literal; variables may not be used here.",
                    attribute.get().expression().range());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            diagnostics.error("Incorrect attribute value type", "Inappropriate value for attribute \"" + name + "\": " + e.getMessage(),
                    attribute.get().expression().range());
            return Optional.empty();
        }
    }

    /** Every reference must name something declared; Terraform reports each one it cannot resolve. */
    private void checkReferences(Configuration config) {
        for (ExpressionSite site : ExpressionSite.all(config)) {
            for (Traversal t : site.references()) {
                checkReference(config, site, t);
            }
        }
    }

    private void checkReference(Configuration config, ExpressionSite site, Traversal t) {
        String node;
        try {
            node = References.node(t);
        } catch (HclException e) {
            diagnostics.add(e);
            return;
        }
        if (node == null) {
            contextual(site, t);
            return;
        }
        String[] parts = node.split("\\.");
        switch (parts[0]) {
            case "var" -> {
                if (!config.variables().containsKey(parts[1])) {
                    diagnostics.error("Reference to undeclared input variable", "An input variable with the name \"" + parts[1]
                            + "\" has not been declared. This variable can be declared with a variable \"" + parts[1] + "\" {} block.",
                            t.range());
                }
            }
            case "local" -> {
                if (!config.locals().containsKey(parts[1])) {
                    diagnostics.error("Reference to undeclared local value", "A local value with the name \"" + parts[1]
                            + "\" has not been declared.", t.range());
                }
            }
            case "data" -> {
                if (!config.resources().containsKey(ResourceAddress.data(parts[1], parts[2]))) {
                    diagnostics.error("Reference to undeclared resource", "A data resource \"" + parts[1] + "\" \"" + parts[2]
                            + "\" has not been declared in the root module.", t.range());
                }
            }
            default -> {
                if (!config.resources().containsKey(ResourceAddress.managed(parts[0], parts[1]))) {
                    diagnostics.error("Reference to undeclared resource", "A managed resource \"" + parts[0] + "\" \"" + parts[1]
                            + "\" has not been declared in the root module.", t.range());
                }
            }
        }
    }

    private void contextual(ExpressionSite site, Traversal t) {
        switch (t.root()) {
            case "count" -> {
                if (site.resource() == null || site.resource().count() == null) {
                    diagnostics.error("Reference to \"count\" in non-counted context",
                            "The \"count\" object can only be used in \"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set.",
                            t.range());
                }
            }
            case "each" -> {
                if (site.resource() == null || site.resource().forEach() == null) {
                    diagnostics.error("Reference to \"each\" in context without for_each",
                            "The \"each\" object can be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.",
                            t.range());
                }
            }
            case "self" -> diagnostics.error("Invalid \"self\" reference",
                    "The \"self\" object is not available in this context. This object can be used only in resource provisioner, connection, and postcondition blocks.",
                    t.range());
            default -> {
                // path.* and terraform.* are always available.
            }
        }
    }
}
