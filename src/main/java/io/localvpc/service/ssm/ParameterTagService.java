package io.localvpc.service.ssm;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ssm.Parameter;
import io.localvpc.service.CloudAccess;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/** SSM's resource tagging, for the one resource type LocalVPC has: parameters (ResourceId = name). */
public final class ParameterTagService {
    static final int MAX_TAGS = 50;

    private final CloudAccess cloud;

    public ParameterTagService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(AddTagsToResourceRequest.class, this::addTagsToResource)
                .on(RemoveTagsFromResourceRequest.class, this::removeTagsFromResource)
                .on(ListTagsForResourceRequest.class, this::listTagsForResource);
    }

    AddTagsToResourceResponse addTagsToResource(RequestContext ctx, AddTagsToResourceRequest request) {
        Map<String, String> added = fromSdk(request.tags());
        return cloud.write(ctx, tx -> {
            Parameter parameter = require(tx, request.resourceTypeAsString(), request.resourceId());
            Map<String, String> tags = new LinkedHashMap<>(parameter.tags());
            tags.putAll(added);
            if (tags.size() > MAX_TAGS) {
                throw SsmErrors.of("TooManyTagsError",
                        "You've exceeded the maximum number of tags for the resource. A resource can have up to "
                                + MAX_TAGS + " tags.");
            }
            tx.put(parameter.withTags(tags));
            return AddTagsToResourceResponse.builder().build();
        });
    }

    RemoveTagsFromResourceResponse removeTagsFromResource(RequestContext ctx, RemoveTagsFromResourceRequest request) {
        return cloud.write(ctx, (Tx tx) -> {
            Parameter parameter = require(tx, request.resourceTypeAsString(), request.resourceId());
            Map<String, String> tags = new LinkedHashMap<>(parameter.tags());
            request.tagKeys().forEach(tags::remove);
            tx.put(parameter.withTags(tags));
            return RemoveTagsFromResourceResponse.builder().build();
        });
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest request) {
        Parameter parameter = require(cloud.read(ctx), request.resourceTypeAsString(), request.resourceId());
        return ListTagsForResourceResponse.builder().tagList(toSdk(parameter.tags())).build();
    }

    static Map<String, String> fromSdk(Collection<Tag> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Tag tag : tags == null ? List.<Tag>of() : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw SsmErrors.constraint(tag.key(), "tags.member.key",
                        "Member must have length less than or equal to 128 and greater than or equal to 1");
            }
            if (tag.value() == null || tag.value().length() > 256) {
                throw SsmErrors.constraint(tag.value(), "tags.member.value",
                        "Member must have length less than or equal to 256");
            }
            result.put(tag.key(), tag.value());
        }
        if (result.size() > MAX_TAGS) {
            throw SsmErrors.of("TooManyTagsError", "You've exceeded the maximum number of tags for the resource.");
        }
        return result;
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static Parameter require(StateView state, String resourceType, String resourceId) {
        if (!"Parameter".equals(resourceType)) {
            throw SsmErrors.of("InvalidResourceType", "The resource type isn't valid. LocalVPC tags Parameter only.");
        }
        return ParameterNames.find(state, resourceId).orElseThrow(() -> SsmErrors.of("InvalidResourceId",
                "The resource ID isn't valid. Verify that you entered the correct ID and try again."));
    }
}
