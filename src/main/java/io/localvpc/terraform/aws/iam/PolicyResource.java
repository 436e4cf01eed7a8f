package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * {@code aws_iam_policy}: a customer managed policy, id its ARN. A new document becomes a new
 * default version; when IAM's five versions are used up, the oldest non-default one goes first.
 */
public final class PolicyResource extends SchemaType implements ResourceType {
    private static final int MAX_VERSIONS = 5;

    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", AttributeType.STRING)
            .computed("attachment_count", AttributeType.NUMBER)
            .optionalForceNew("description", AttributeType.STRING)
            .computed("id", AttributeType.STRING)
            .optionalComputedForceNew("name", AttributeType.STRING)
            .optionalComputedForceNew("name_prefix", AttributeType.STRING)
            .optionalForceNew("path", AttributeType.STRING, "/")
            .required("policy", AttributeType.STRING)
            .computed("policy_id", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .build();

    public PolicyResource() {
        super("aws_iam_policy", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        IamValues.checkPolicy("policy", Plain.string(proposed, "policy"));
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        IamValues.keepEquivalentPolicy("policy", prior, proposed, planned);
        if (prior != null && Objects.equals(Objects.toString(prior.get("description"), ""),
                Objects.toString(proposed.get("description"), ""))) {
            planned.put("description", prior.get("description"));
        }
        ResourceNames.plan(prior, proposed, planned);
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String name = ResourceNames.generate(Plain.string(planned, "name"), Plain.string(planned, "name_prefix"));
        String policy = Plain.string(planned, "policy");
        IamValues.checkPolicy("policy", policy);
        Policy created = Errors.call("creating IAM Policy (" + name + ")", () -> aws.iam().createPolicy(r -> r
                .policyName(name)
                .path(Optional.ofNullable(Plain.string(planned, "path")).orElse("/"))
                .description(Plain.string(planned, "description"))
                .policyDocument(PolicyJson.normalized(policy))
                .tags(IamValues.tags(aws, planned)))).policy();
        Map<String, Object> state = Plain.knownWithId(planned, created.arn());
        return read(aws, state).orElseThrow(() -> new ProviderException("reading IAM Policy (" + created.arn() + "): couldn't find resource"));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String arn = Plain.string(state, "id");
        String doing = "reading IAM Policy (" + arn + ")";
        Optional<Policy> found = Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().getPolicy(r -> r.policyArn(arn)).policy());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Policy policy = found.get();
        String document = Errors.call(doing + " default version", () -> aws.iam().getPolicyVersion(r -> r
                .policyArn(arn).versionId(policy.defaultVersionId())).policyVersion().document());
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("arn", policy.arn());
        out.put("attachment_count", BigDecimal.valueOf(policy.attachmentCount() == null ? 0 : policy.attachmentCount()));
        out.put("description", policy.description() == null ? "" : policy.description());
        out.put("id", policy.arn());
        out.put("name", policy.policyName());
        out.put("name_prefix", ResourceNames.prefixOf(policy.policyName()));
        out.put("path", policy.path());
        out.put("policy", PolicyJson.keep(Plain.string(state, "policy"), document));
        out.put("policy_id", policy.policyId());
        ResourceTags.read(aws, out, IamValues.fromIam(policy.tags()));
        return Optional.of(out);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String arn = Plain.string(prior, "id");
        String policy = Plain.string(planned, "policy");
        if (!Objects.equals(policy, Plain.string(prior, "policy"))) {
            IamValues.checkPolicy("policy", policy);
            pruneVersions(aws, arn);
            Errors.call("updating IAM Policy (" + arn + ")", () -> aws.iam().createPolicyVersion(r -> r
                    .policyArn(arn).policyDocument(PolicyJson.normalized(policy)).setAsDefault(true)));
        }
        IamValues.updateTags(aws, prior, planned,
                keys -> Errors.call("untagging IAM Policy (" + arn + ")", () -> aws.iam().untagPolicy(r -> r.policyArn(arn).tagKeys(keys))),
                tags -> Errors.call("tagging IAM Policy (" + arn + ")", () -> aws.iam().tagPolicy(r -> r.policyArn(arn).tags(tags))));
        Map<String, Object> state = Plain.knownWithId(planned, arn);
        return read(aws, state).orElseThrow();
    }

    private static List<PolicyVersion> versions(AwsContext aws, String arn) {
        return Errors.call("listing IAM Policy (" + arn + ") versions",
                () -> aws.iam().listPolicyVersions(r -> r.policyArn(arn)).versions());
    }

    /** Makes room for one more version by deleting the oldest non-default one when all five are used. */
    private static void pruneVersions(AwsContext aws, String arn) {
        List<PolicyVersion> versions = versions(aws, arn);
        if (versions.size() < MAX_VERSIONS) {
            return;
        }
        versions.stream().filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
                .min(Comparator.comparing(PolicyVersion::createDate))
                .ifPresent(v -> deleteVersion(aws, arn, v.versionId()));
    }

    private static void deleteVersion(AwsContext aws, String arn, String versionId) {
        Errors.call("deleting IAM Policy (" + arn + ") version (" + versionId + ")",
                () -> aws.iam().deletePolicyVersion(r -> r.policyArn(arn).versionId(versionId)));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String arn = Plain.string(state, "id");
        Optional<List<PolicyVersion>> versions = Errors.find("deleting IAM Policy (" + arn + ")", IamValues.NO_SUCH_ENTITY,
                () -> versions(aws, arn));
        versions.orElse(List.of()).stream().filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
                .forEach(v -> deleteVersion(aws, arn, v.versionId()));
        Errors.find("deleting IAM Policy (" + arn + ")", IamValues.NO_SUCH_ENTITY, () -> aws.iam().deletePolicy(r -> r.policyArn(arn)));
    }
}
