package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code aws_iam_role_policy}: an inline policy of a role, id {@code <role>:<name>}; the document changes in place. */
public final class RolePolicyResource extends SchemaType implements ResourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("id", AttributeType.STRING)
            .optionalComputedForceNew("name", AttributeType.STRING)
            .optionalComputedForceNew("name_prefix", AttributeType.STRING)
            .required("policy", AttributeType.STRING)
            .requiredForceNew("role", AttributeType.STRING)
            .build();

    public RolePolicyResource() {
        super("aws_iam_role_policy", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        IamValues.checkPolicy("policy", Plain.string(proposed, "policy"));
        Map<String, Object> planned = new LinkedHashMap<>(proposed);
        IamValues.keepEquivalentPolicy("policy", prior, proposed, planned);
        ResourceNames.plan(prior, proposed, planned);
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String name = ResourceNames.generate(Plain.string(planned, "name"), Plain.string(planned, "name_prefix"));
        String role = Plain.string(planned, "role");
        put(aws, role, name, Plain.string(planned, "policy"));
        Map<String, Object> state = Plain.knownWithId(planned, role + ":" + name);
        return read(aws, state).orElseThrow();
    }

    private static void put(AwsContext aws, String role, String name, String policy) {
        IamValues.checkPolicy("policy", policy);
        Errors.call("putting IAM Role (" + role + ") Policy (" + name + ")", () -> aws.iam().putRolePolicy(r -> r
                .roleName(role).policyName(name).policyDocument(PolicyJson.normalized(policy))));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String id = Plain.string(state, "id");
        String role = id.substring(0, id.indexOf(':'));
        String name = id.substring(id.indexOf(':') + 1);
        Optional<String> document = Errors.find("reading IAM Role Policy (" + id + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument());
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("name", name);
        out.put("name_prefix", ResourceNames.prefixOf(name));
        out.put("policy", PolicyJson.keep(Plain.string(state, "policy"), document.get()));
        out.put("role", role);
        return Optional.of(out);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        put(aws, Plain.string(prior, "role"), Plain.string(prior, "name"), Plain.string(planned, "policy"));
        Map<String, Object> state = Plain.knownWithId(planned, prior.get("id"));
        return read(aws, state).orElseThrow();
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        Errors.find("deleting IAM Role Policy (" + Plain.string(state, "id") + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().deleteRolePolicy(r -> r.roleName(Plain.string(state, "role")).policyName(Plain.string(state, "name"))));
    }
}
