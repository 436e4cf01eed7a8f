package io.localvpc.terraform.provider;

import java.util.Map;
import java.util.Optional;

/**
 * One managed resource type, such as {@code aws_vpc}: its schema and its lifecycle against the AWS
 * APIs. Every map in and out holds one value per schema attribute and block (see the package
 * description for the value forms); {@code id} is always an attribute.
 */
public interface ResourceType {

    /** The type name configurations use, e.g. {@code aws_nat_gateway}. */
    String typeName();

    Schema schema();

    /**
     * The new state the plan promises, from the configuration's values ({@code proposed}: settable
     * attributes as configured, defaults applied, computed ones copied from {@code prior} or
     * {@link Unknown#VALUE}). The default keeps it as is; a type overrides this where AWS derives
     * values at plan time (e.g. {@code tags_all} from tags and default tags) or where a change
     * makes another attribute unknown.
     *
     * @param prior the current state, or null when the resource is to be created
     */
    default Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        return proposed;
    }

    /** Creates the resource, waits until AWS reports it usable, and returns its whole state. */
    Map<String, Object> create(AwsContext aws, Map<String, Object> planned);

    /** The resource's state as AWS reports it now, or empty when it no longer exists (drift). */
    Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state);

    /** Applies in-place changes (only attributes that do not force replacement) and returns the new state. */
    Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned);

    /** Deletes the resource and waits until it is gone; one already gone is not an error. */
    void delete(AwsContext aws, Map<String, Object> state);
}
