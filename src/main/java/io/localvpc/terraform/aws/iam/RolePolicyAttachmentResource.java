package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aws_iam_role_policy_attachment}: a managed policy attached to a role. Its id is made up
 * by the provider: the role name, a dash and a unique suffix.
 */
public final class RolePolicyAttachmentResource extends SchemaType implements ResourceType {
    private static final Duration PROPAGATION = Duration.ofMinutes(2);

    private static final Schema SCHEMA = Schema.builder()
            .computed("id", AttributeType.STRING)
            .requiredForceNew("policy_arn", AttributeType.STRING)
            .requiredForceNew("role", AttributeType.STRING)
            .build();

    public RolePolicyAttachmentResource() {
        super("aws_iam_role_policy_attachment", SCHEMA);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String role = Plain.string(planned, "role");
        String arn = Plain.string(planned, "policy_arn");
        String doing = "attaching IAM Policy (" + arn + ") to IAM Role (" + role + ")";
        Errors.retrying(aws, PROPAGATION, Errors.hasCode("ConcurrentModification"),
                () -> Errors.call(doing, () -> aws.iam().attachRolePolicy(r -> r.roleName(role).policyArn(arn))));
        Map<String, Object> state = Plain.knownWithId(planned, ResourceNames.unique(role + "-"));
        return read(aws, state).orElseThrow(() -> new ProviderException(
                "reading IAM Role Policy Attachment (" + state.get("id") + "): couldn't find resource"));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String role = Plain.string(state, "role");
        String arn = Plain.string(state, "policy_arn");
        Optional<List<String>> attached = Errors.find("reading IAM Role Policy Attachment (" + Plain.string(state, "id") + ")",
                IamValues.NO_SUCH_ENTITY, () -> RoleResource.attached(aws, role));
        if (attached.isEmpty() || !attached.get().contains(arn)) {
            return Optional.empty();
        }
        return Optional.of(new LinkedHashMap<>(state));
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        throw new ProviderException("aws_iam_role_policy_attachment has no argument that changes in place");
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String role = Plain.string(state, "role");
        String arn = Plain.string(state, "policy_arn");
        Errors.find("detaching IAM Policy (" + arn + ") from IAM Role (" + role + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().detachRolePolicy(r -> r.roleName(role).policyArn(arn)));
    }
}
