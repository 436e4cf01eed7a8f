package io.localvpc.terraform.aws.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Hashcodes;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code data "aws_iam_policy_document"}: renders statements to the JSON the provider renders,
 * byte for byte (a one-element list becomes its string, several are sorted in reverse, principals
 * and conditions become maps with sorted keys), merged with {@code source_policy_documents} before
 * and {@code override_policy_documents} after (a statement with the same Sid is replaced). Makes
 * no API call; its {@code id} is the hash of the JSON.
 */
public final class PolicyDocumentDataSource extends SchemaType implements DataSourceType {
    private static final Pattern SID = Pattern.compile("^[a-zA-Z0-9]*$");
    private static final List<String> VERSIONS = List.of("2008-10-17", "2012-10-17");

    private static final Schema PRINCIPALS = Schema.builder()
            .required("identifiers", AttributeType.setOf(AttributeType.STRING))
            .required("type", AttributeType.STRING)
            .build();
    private static final Schema CONDITION = Schema.builder()
            .required("test", AttributeType.STRING)
            .required("values", AttributeType.listOf(AttributeType.STRING))
            .required("variable", AttributeType.STRING)
            .build();
    private static final Schema STATEMENT = Schema.builder()
            .optional("actions", AttributeType.setOf(AttributeType.STRING))
            .optional("effect", AttributeType.STRING, "Allow")
            .optional("not_actions", AttributeType.setOf(AttributeType.STRING))
            .optional("not_resources", AttributeType.setOf(AttributeType.STRING))
            .optional("resources", AttributeType.setOf(AttributeType.STRING))
            .optional("sid", AttributeType.STRING)
            .block(new NestedBlock("condition", NestedBlock.Nesting.SET, CONDITION, 0, 0, false, false))
            .block(new NestedBlock("not_principals", NestedBlock.Nesting.SET, PRINCIPALS, 0, 0, false, false))
            .block(new NestedBlock("principals", NestedBlock.Nesting.SET, PRINCIPALS, 0, 0, false, false))
            .build();
    private static final Schema SCHEMA = Schema.builder()
            .computed("id", AttributeType.STRING)
            .computed("json", AttributeType.STRING)
            .computed("minified_json", AttributeType.STRING)
            .optional("override_json", AttributeType.STRING)
            .optional("override_policy_documents", AttributeType.listOf(AttributeType.STRING))
            .optional("policy_id", AttributeType.STRING)
            .optional("source_json", AttributeType.STRING)
            .optional("source_policy_documents", AttributeType.listOf(AttributeType.STRING))
            .optional("version", AttributeType.STRING, "2012-10-17")
            .block(new NestedBlock("statement", NestedBlock.Nesting.LIST, STATEMENT, 0, 0, false, false))
            .build();

    record Principal(String type, Object identifiers) {}

    record Condition(String test, String variable, Object values) {}

    record Statement(String sid, String effect, Object actions, Object notActions, Object resources, Object notResources,
            List<Principal> principals, List<Principal> notPrincipals, List<Condition> conditions) {}

    /** A policy document being merged (the provider's {@code IAMPolicyDoc}). */
    static final class Document {
        String version = "";
        String id = "";
        final List<Statement> statements = new ArrayList<>();

        /** Adopts {@code other}'s id and newer version; its statements replace ones with the same Sid, others are appended. */
        void merge(Document other) {
            if (!other.id.isEmpty()) {
                id = other.id;
            }
            if (other.version.compareTo(version) > 0) {
                version = other.version;
            }
            for (Statement s : other.statements) {
                int same = s.sid().isEmpty() ? -1 : indexOfSid(s.sid());
                if (same >= 0) {
                    statements.set(same, s);
                } else {
                    statements.add(s);
                }
            }
        }

        private int indexOfSid(String sid) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).sid().equals(sid)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public PolicyDocumentDataSource() {
        super("aws_iam_policy_document", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        String version = Plain.string(config, "version") == null ? "2012-10-17" : Plain.string(config, "version");
        if (!VERSIONS.contains(version)) {
            throw new ProviderException("expected version to be one of [\"2008-10-17\" \"2012-10-17\"], got " + version);
        }
        Document merged = new Document();
        Set<String> sourceSids = new HashSet<>();
        List<String> sources = Plain.strings(config, "source_policy_documents");
        for (int i = 0; i < sources.size(); i++) {
            Document source = parse(sources.get(i), "merging source document " + i);
            for (int n = 0; n < source.statements.size(); n++) {
                String sid = source.statements.get(n).sid();
                if (!sid.isEmpty() && !sourceSids.add(sid)) {
                    throw new ProviderException("writing IAM Policy Document: merging source document " + i + ": duplicate Sid ("
                            + sid + ") in source_policy_documents (statement " + n + "). Remove the Sid or ensure Sids are unique.");
                }
            }
            merged.merge(source);
        }
        Document own = new Document();
        own.version = version;
        own.id = Plain.string(config, "policy_id") == null ? "" : Plain.string(config, "policy_id");
        Set<String> sids = new HashSet<>();
        List<Map<String, Object>> statements = Plain.blocks(config, "statement");
        for (int i = 0; i < statements.size(); i++) {
            own.statements.add(statement(statements.get(i), i, version, sids));
        }
        merged.merge(own);
        List<String> overrides = Plain.strings(config, "override_policy_documents");
        for (int i = 0; i < overrides.size(); i++) {
            merged.merge(parse(overrides.get(i), "merging override document " + i));
        }
        Map<String, Object> rendered = render(merged);
        String json = PolicyJson.write(rendered, true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", Long.toString(Hashcodes.of(json)));
        out.put("json", json);
        out.put("minified_json", PolicyJson.write(rendered, false));
        out.put("override_json", config.get("override_json"));
        out.put("override_policy_documents", config.get("override_policy_documents"));
        out.put("policy_id", config.get("policy_id"));
        out.put("source_json", config.get("source_json"));
        out.put("source_policy_documents", config.get("source_policy_documents"));
        out.put("statement", statementsState(statements));
        out.put("version", version);
        return out;
    }

    private static Statement statement(Map<String, Object> block, int index, String version, Set<String> sids) {
        String sid = Plain.string(block, "sid") == null ? "" : Plain.string(block, "sid");
        if (!SID.matcher(sid).matches()) {
            throw new ProviderException("invalid value for statement." + index + ".sid (must only include alphanumeric characters)");
        }
        if (!sid.isEmpty() && !sids.add(sid)) {
            throw new ProviderException("writing IAM Policy Document: duplicate Sid (" + sid
                    + "). Remove the Sid or ensure the Sid is unique.");
        }
        String effect = Plain.string(block, "effect") == null ? "Allow" : Plain.string(block, "effect");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new ProviderException("expected statement." + index + ".effect to be one of [\"Allow\" \"Deny\"], got " + effect);
        }
        return new Statement(sid, effect,
                decode(Plain.strings(block, "actions")),
                decode(Plain.strings(block, "not_actions")),
                variables(decode(Plain.strings(block, "resources")), version),
                variables(decode(Plain.strings(block, "not_resources")), version),
                principals(Plain.blocks(block, "principals"), version),
                principals(Plain.blocks(block, "not_principals"), version),
                conditions(Plain.blocks(block, "condition"), version));
    }

    /** One value as a string, several sorted in reverse (the provider's {@code policyDecodeConfigStringList}); none is null. */
    private static Object decode(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Comparator.reverseOrder());
        return sorted;
    }

    /** {@code &{aws:username}} is written for {@code ${aws:username}}, which the language would interpolate. */
    private static Object variables(Object values, String version) {
        if (values instanceof String text) {
            return variable(text, version);
        }
        if (values instanceof List<?> list) {
            return list.stream().map(v -> variable((String) v, version)).toList();
        }
        return values;
    }

    private static String variable(String text, String version) {
        if (version.equals("2008-10-17") && text.contains("&{")) {
            throw new ProviderException("found &{ sequence in (" + text + "), which is not supported in document version 2008-10-17");
        }
        return text.replace("&{", "${");
    }

    private static List<Principal> principals(List<Map<String, Object>> blocks, String version) {
        return blocks.stream().map(b -> new Principal(Plain.string(b, "type"),
                variables(decode(Plain.strings(b, "identifiers")), version))).toList();
    }

    private static List<Condition> conditions(List<Map<String, Object>> blocks, String version) {
        return blocks.stream().map(b -> {
            List<String> values = Plain.strings(b, "values").stream().map(v -> variable(v, version)).toList();
            return new Condition(Plain.string(b, "test"), Plain.string(b, "variable"), values.size() == 1 ? values.get(0) : values);
        }).toList();
    }

    /** A source or override document, read as the provider unmarshals it. */
    private static Document parse(String json, String doing) {
        JsonNode node = PolicyJson.parse(json);
        if (!(node instanceof ObjectNode object)) {
            throw new ProviderException("writing IAM Policy Document: " + doing + ": invalid JSON");
        }
        Document doc = new Document();
        doc.version = object.path("Version").asText("");
        doc.id = object.path("Id").asText("");
        for (ObjectNode s : PolicyJson.statements(object)) {
            doc.statements.add(new Statement(s.path("Sid").asText(""), s.path("Effect").asText(""),
                    plain(s.get("Action")), plain(s.get("NotAction")), plain(s.get("Resource")), plain(s.get("NotResource")),
                    principals(s.get("Principal")), principals(s.get("NotPrincipal")), conditions(s.get("Condition"))));
        }
        return doc;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(e -> out.add(e.asText()));
            return out;
        }
        return node.asText();
    }

    private static List<Principal> principals(JsonNode node) {
        List<Principal> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(new Principal("*", List.of("*")));
            return out;
        }
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isArray()) {
                List<String> ids = new ArrayList<>();
                f.getValue().forEach(e -> ids.add(e.asText()));
                ids.sort(null);
                out.add(new Principal(f.getKey(), ids));
            } else {
                out.add(new Principal(f.getKey(), f.getValue().asText()));
            }
        });
        return out;
    }

    private static List<Condition> conditions(JsonNode node) {
        List<Condition> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        node.fields().forEachRemaining(test -> test.getValue().fields().forEachRemaining(variable -> {
            JsonNode v = variable.getValue();
            Object values;
            if (v.isArray()) {
                List<String> list = new ArrayList<>();
                v.forEach(e -> list.add(e.asText()));
                values = list;
            } else if (v.isBoolean()) {
                values = Boolean.toString(v.booleanValue());
            } else {
                values = List.of(v.asText());
            }
            out.add(new Condition(test.getKey(), variable.getKey(), values));
        }));
        return out;
    }

    /** The document in the provider's field order, empty fields left out. */
    private static Map<String, Object> render(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!doc.version.isEmpty()) {
            out.put("Version", doc.version);
        }
        if (!doc.id.isEmpty()) {
            out.put("Id", doc.id);
        }
        if (!doc.statements.isEmpty()) {
            out.put("Statement", doc.statements.stream().map(PolicyDocumentDataSource::render).toList());
        }
        return out;
    }

    private static Map<String, Object> render(Statement s) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIf(out, "Sid", s.sid().isEmpty() ? null : s.sid());
        putIf(out, "Effect", s.effect().isEmpty() ? null : s.effect());
        putIf(out, "Action", s.actions());
        putIf(out, "NotAction", s.notActions());
        putIf(out, "Resource", s.resources());
        putIf(out, "NotResource", s.notResources());
        putIf(out, "Principal", s.principals().isEmpty() ? null : renderPrincipals(s.principals()));
        putIf(out, "NotPrincipal", s.notPrincipals().isEmpty() ? null : renderPrincipals(s.notPrincipals()));
        putIf(out, "Condition", s.conditions().isEmpty() ? null : renderConditions(s.conditions()));
        return out;
    }

    private static void putIf(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** {@code "*"} for everyone, else type to identifiers: one stays a string, lists are sorted in reverse. */
    private static Object renderPrincipals(List<Principal> principals) {
        if (principals.size() == 1 && "*".equals(principals.get(0).type())) {
            Object ids = principals.get(0).identifiers();
            if ("*".equals(ids) || ids instanceof List<?> l && l.size() == 1 && "*".equals(l.get(0))) {
                return "*";
            }
        }
        Map<String, Object> raw = new TreeMap<>();
        for (Principal p : principals) {
            Object current = raw.get(p.type());
            if (p.identifiers() instanceof List<?> ids) {
                List<String> list = new ArrayList<>();
                if (current instanceof String one) {
                    list.add(one);
                } else if (current instanceof List<?> existing) {
                    existing.forEach(e -> list.add((String) e));
                }
                List<String> sorted = new ArrayList<>(ids.stream().map(Object::toString).toList());
                sorted.sort(java.util.Comparator.reverseOrder());
                list.addAll(sorted);
                raw.put(p.type(), list);
            } else {
                String id = (String) p.identifiers();
                if (current == null) {
                    raw.put(p.type(), id);
                } else {
                    List<String> list = new ArrayList<>();
                    if (current instanceof String one) {
                        list.add(one);
                    } else {
                        ((List<?>) current).forEach(e -> list.add((String) e));
                    }
                    list.add(id);
                    raw.put(p.type(), list);
                }
            }
        }
        return raw;
    }

    /** Test to variable to values, keys sorted; a single value is written as a string. */
    private static Map<String, Object> renderConditions(List<Condition> conditions) {
        Map<String, Map<String, List<String>>> raw = new TreeMap<>();
        for (Condition c : conditions) {
            List<String> values = raw.computeIfAbsent(c.test(), k -> new TreeMap<>()).computeIfAbsent(c.variable(), k -> new ArrayList<>());
            if (c.values() instanceof List<?> list) {
                list.forEach(v -> values.add((String) v));
            } else {
                values.add((String) c.values());
            }
        }
        Map<String, Object> out = new TreeMap<>();
        raw.forEach((test, variables) -> {
            Map<String, Object> byVariable = new TreeMap<>();
            variables.forEach((variable, values) -> byVariable.put(variable, values.size() == 1 ? values.get(0) : values));
            out.put(test, byVariable);
        });
        return out;
    }

    /** The statement blocks as state holds them: every attribute present, sets as lists. */
    private static List<Object> statementsState(List<Map<String, Object>> statements) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("actions", Plain.list(Plain.strings(s, "actions")));
            block.put("condition", Plain.blocks(s, "condition").stream().map(c -> (Object) Map.of(
                    "test", Plain.string(c, "test"), "values", Plain.list(Plain.strings(c, "values")),
                    "variable", Plain.string(c, "variable"))).toList());
            block.put("effect", Plain.string(s, "effect") == null ? "Allow" : Plain.string(s, "effect"));
            block.put("not_actions", Plain.list(Plain.strings(s, "not_actions")));
            block.put("not_principals", principalsState(Plain.blocks(s, "not_principals")));
            block.put("not_resources", Plain.list(Plain.strings(s, "not_resources")));
            block.put("principals", principalsState(Plain.blocks(s, "principals")));
            block.put("resources", Plain.list(Plain.strings(s, "resources")));
            block.put("sid", Plain.string(s, "sid") == null ? "" : Plain.string(s, "sid"));
            out.add(block);
        }
        return out;
    }

    private static List<Object> principalsState(List<Map<String, Object>> blocks) {
        return blocks.stream().map(p -> (Object) Map.of("identifiers", Plain.list(Plain.strings(p, "identifiers")),
                "type", Plain.string(p, "type"))).toList();
    }
}
