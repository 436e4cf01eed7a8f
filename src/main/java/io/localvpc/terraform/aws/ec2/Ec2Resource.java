package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the provider's EC2 resources share: the SDK's plan (zero values kept, {@code tags_all}
 * planned), tags updated with Create/DeleteTags before the type's own changes, and every create
 * and update ending with a read, whose "not found" right after a change is an error.
 */
abstract class Ec2Resource extends SchemaType implements ResourceType {
    /** How the provider names the resource in messages, e.g. {@code EC2 VPC}. */
    final String label;

    Ec2Resource(String typeName, String label, Schema schema) {
        super(typeName, schema);
        this.label = label;
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> planned = States.planned(schema(), prior, proposed);
        return tagged() ? ResourceTags.planned(aws, planned) : planned;
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        if (tagged()) {
            ResourceTags.updateEc2(aws, id(prior), prior, planned);
        }
        updateAttributes(aws, prior, planned);
        return reread(aws, planned);
    }

    /** The type's own in-place changes; tags are done already. */
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {}

    /** The state after a change, which must exist. */
    Map<String, Object> reread(AwsContext aws, Map<String, Object> state) {
        return read(aws, state).orElseThrow(() ->
                new ProviderException("reading " + label + " (" + id(state) + "): empty result"));
    }

    /** The state right after a create (or a change that gives a new id): {@code planned} with its id, read back. */
    Map<String, Object> created(AwsContext aws, Map<String, Object> planned, String id) {
        Map<String, Object> state = new LinkedHashMap<>(planned);
        state.put("id", id);
        return reread(aws, state);
    }

    /** A state to fill from a read: every schema attribute, the prior values kept. */
    Map<String, Object> newState(Map<String, Object> prior) {
        return States.from(schema(), prior);
    }

    /** "creating EC2 VPC", "deleting EC2 Subnet (subnet-1)" … the start of the provider's messages. */
    String doing(String verb, String id) {
        return verb + " " + label + (id == null ? "" : " (" + id + ")");
    }

    private boolean tagged() {
        return schema().attributes().containsKey("tags_all");
    }

    static String id(Map<String, Object> state) {
        return Plain.string(state, "id");
    }

    static boolean changed(Map<String, Object> prior, Map<String, Object> planned, String name) {
        return !Objects.equals(prior.get(name), planned.get(name));
    }

    /** A configured string, or null when left out or empty (the provider's {@code d.GetOk}). */
    static String set(Map<String, Object> values, String name) {
        String value = Plain.string(values, name);
        return value == null || value.isEmpty() ? null : value;
    }
}
