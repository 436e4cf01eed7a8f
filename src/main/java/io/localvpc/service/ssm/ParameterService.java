package io.localvpc.service.ssm;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ssm.Parameter;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Filters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterResponse;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/** Parameter Store: versioned, typed, optionally hierarchical parameters of one region. */
public final class ParameterService {
    static final String DEFAULT_KEY = "alias/aws/ssm";
    /** SSM keeps the newest 100 versions, dropping the oldest when a new one comes. */
    static final int MAX_VERSIONS = 100;
    private static final int STANDARD_VALUE_LIMIT = 4096;
    private static final int ADVANCED_VALUE_LIMIT = 8192;
    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    private static final Set<String> DATA_TYPES = Set.of("text", "aws:ec2:image", "aws:ssm:integration");

    private final CloudAccess cloud;

    public ParameterService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(PutParameterRequest.class, this::putParameter)
                .on(GetParameterRequest.class, this::getParameter)
                .on(GetParametersRequest.class, this::getParameters)
                .on(GetParametersByPathRequest.class, this::getParametersByPath)
                .on(DescribeParametersRequest.class, this::describeParameters)
                .on(GetParameterHistoryRequest.class, this::getParameterHistory)
                .on(DeleteParameterRequest.class, this::deleteParameter)
                .on(DeleteParametersRequest.class, this::deleteParameters);
    }

    PutParameterResponse putParameter(RequestContext ctx, PutParameterRequest request) {
        ParameterNames.checkNew(request.name());
        boolean overwrite = Boolean.TRUE.equals(request.overwrite());
        if (overwrite && request.hasTags() && !request.tags().isEmpty()) {
            throw SsmErrors.validation("Invalid request: tags and overwrite can't be used together. To create a"
                    + " parameter with tags, please remove overwrite flag. To update tags for an existing parameter,"
                    + " please use AddTagsToResource or RemoveTagsFromResource.");
        }
        String type = request.typeAsString();
        if (type != null && !TYPES.contains(type)) {
            throw SsmErrors.constraint(type, "type", "Member must satisfy enum value set: [SecureString, StringList, String]");
        }
        if (request.keyId() != null && type != null && !type.equals("SecureString")) {
            throw SsmErrors.validation("KeyId is required for SecureString type parameter only.");
        }
        String dataType = request.dataType() == null ? "text" : request.dataType();
        if (!DATA_TYPES.contains(dataType)) {
            throw SsmErrors.validation("The following data type is not supported: " + dataType
                    + " (Data type names are all lowercase.)");
        }
        checkPattern(request.allowedPattern(), request.value());
        Map<String, String> tags = ParameterTagService.fromSdk(request.tags());
        return cloud.write(ctx, tx -> {
            Parameter existing = tx.find(Parameter.class, request.name()).orElse(null);
            if (existing != null && !overwrite) {
                throw SsmErrors.of("ParameterAlreadyExists", "The parameter already exists. To overwrite this value,"
                        + " set the overwrite option in the request to true.");
            }
            Parameter.Version previous = existing == null ? null : existing.current();
            String chosenType = type != null ? type : previous != null ? previous.type() : null;
            if (chosenType == null) {
                throw SsmErrors.validation("A parameter type is required when you create a parameter.");
            }
            String tier = tier(request.tierAsString(), previous, request.value());
            boolean secure = chosenType.equals("SecureString");
            String keyId = !secure ? null : request.keyId() != null ? request.keyId()
                    : previous != null && previous.keyId() != null ? previous.keyId() : DEFAULT_KEY;
            String description = request.description() != null ? request.description()
                    : previous != null ? previous.description() : null;
            long number = previous == null ? 1 : previous.version() + 1;
            var version = new Parameter.Version(number, chosenType, request.value(), description, keyId,
                    request.allowedPattern(), tier, dataType, ctx.now());
            List<Parameter.Version> history = new ArrayList<>(existing == null ? List.of() : existing.versions());
            history.add(version);
            if (history.size() > MAX_VERSIONS) {
                history.remove(0);
            }
            tx.put(existing == null ? new Parameter(request.name(), history, tags) : existing.withVersions(history));
            return PutParameterResponse.builder().version(number).tier(tier).build();
        });
    }

    /**
     * Standard unless asked otherwise; Intelligent-Tiering picks Advanced only for values too big for
     * Standard. An advanced parameter never goes back to Standard.
     */
    private static String tier(String requested, Parameter.Version previous, String value) {
        boolean wasAdvanced = previous != null && previous.tier().equals("Advanced");
        String tier = requested == null ? (wasAdvanced ? "Advanced" : "Standard") : requested;
        if (tier.equals("Intelligent-Tiering")) {
            tier = wasAdvanced || value.length() > STANDARD_VALUE_LIMIT ? "Advanced" : "Standard";
        }
        if (!tier.equals("Standard") && !tier.equals("Advanced")) {
            throw SsmErrors.constraint(tier, "tier",
                    "Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]");
        }
        if (wasAdvanced && tier.equals("Standard")) {
            throw SsmErrors.validation("This parameter uses the advanced-parameter tier. You can't downgrade a"
                    + " parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you"
                    + " can delete the advanced parameter and recreate it as a standard parameter.");
        }
        if (value.length() > ADVANCED_VALUE_LIMIT) {
            throw SsmErrors.constraint("...", "value", "Member must have length less than or equal to " + ADVANCED_VALUE_LIMIT);
        }
        if (tier.equals("Standard") && value.length() > STANDARD_VALUE_LIMIT) {
            throw SsmErrors.validation("Standard tier parameters support a maximum parameter value of "
                    + STANDARD_VALUE_LIMIT + " characters. To create a larger parameter value, upgrade the parameter"
                    + " to use the advanced-parameter tier.");
        }
        return tier;
    }

    private static void checkPattern(String allowedPattern, String value) {
        if (allowedPattern == null) {
            return;
        }
        try {
            if (!Pattern.compile(allowedPattern).matcher(value).matches()) {
                throw SsmErrors.of("ParameterPatternMismatchException",
                        "Parameter value, cannot be validated against allowedPattern: " + allowedPattern);
            }
        } catch (PatternSyntaxException e) {
            throw SsmErrors.validation("The allowedPattern is not a valid regular expression: " + allowedPattern);
        }
    }

    GetParameterResponse getParameter(RequestContext ctx, GetParameterRequest request) {
        RegionState state = cloud.read(ctx);
        var selected = select(state, request.name());
        return GetParameterResponse.builder()
                .parameter(toSdk(ctx, selected, Boolean.TRUE.equals(request.withDecryption())))
                .build();
    }

    GetParametersResponse getParameters(RequestContext ctx, GetParametersRequest request) {
        if (request.names().isEmpty() || request.names().size() > 10) {
            throw SsmErrors.constraint(request.names(), "names",
                    "Member must have length less than or equal to 10 and greater than or equal to 1");
        }
        RegionState state = cloud.read(ctx);
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        List<software.amazon.awssdk.services.ssm.model.Parameter> found = new ArrayList<>();
        Set<String> invalid = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(request.names())) {
            try {
                found.add(toSdk(ctx, select(state, name), decrypt));
            } catch (io.localvpc.api.AwsException e) {
                invalid.add(name);
            }
        }
        return GetParametersResponse.builder().parameters(found).invalidParameters(invalid).build();
    }

    GetParametersByPathResponse getParametersByPath(RequestContext ctx, GetParametersByPathRequest request) {
        String path = request.path();
        if (!path.startsWith("/") || path.contains("//")) {
            throw SsmErrors.validation("The parameter doesn't meet the parameter name requirements. The parameter name"
                    + " must begin with a forward slash \"/\".");
        }
        boolean recursive = Boolean.TRUE.equals(request.recursive());
        var filter = ParameterFilters.of(request.parameterFilters(), ParameterFilters.BY_PATH_KEYS);
        RegionState state = cloud.read(ctx);
        List<Parameter> matching = state.all(Parameter.class).stream()
                .filter(p -> ParameterFilters.isUnder(p.name(), path, recursive))
                .filter(filter)
                .sorted(java.util.Comparator.comparing(Parameter::name))
                .toList();
        var page = SsmPages.of(matching, request.maxResults(), 10, 10, request.nextToken());
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        return GetParametersByPathResponse.builder()
                .parameters(page.items().stream().map(p -> toSdk(ctx, new Selected(p, p.current(), null), decrypt)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeParametersResponse describeParameters(RequestContext ctx, DescribeParametersRequest request) {
        if (request.hasFilters() && request.hasParameterFilters()
                && !request.filters().isEmpty() && !request.parameterFilters().isEmpty()) {
            throw SsmErrors.validation("You can use either Filters or ParameterFilters in a single request, but not both.");
        }
        var filters = request.hasFilters() && !request.filters().isEmpty()
                ? ParameterFilters.fromLegacy(request.filters()) : request.parameterFilters();
        var filter = ParameterFilters.of(filters, ParameterFilters.DESCRIBE_KEYS);
        RegionState state = cloud.read(ctx);
        List<Parameter> matching = state.all(Parameter.class).stream()
                .filter(filter)
                .sorted(java.util.Comparator.comparing(Parameter::name))
                .toList();
        var page = SsmPages.of(matching, request.maxResults(), 50, 50, request.nextToken());
        return DescribeParametersResponse.builder()
                .parameters(page.items().stream().map(p -> metadata(ctx, p)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    GetParameterHistoryResponse getParameterHistory(RequestContext ctx, GetParameterHistoryRequest request) {
        Parameter parameter = require(cloud.read(ctx), request.name());
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        var page = SsmPages.of(parameter.versions(), request.maxResults(), 50, 50, request.nextToken());
        return GetParameterHistoryResponse.builder()
                .parameters(page.items().stream().map(v -> history(ctx, parameter, v, decrypt)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteParameterResponse deleteParameter(RequestContext ctx, DeleteParameterRequest request) {
        return cloud.write(ctx, tx -> {
            tx.remove(require(tx, request.name()));
            return DeleteParameterResponse.builder().build();
        });
    }

    DeleteParametersResponse deleteParameters(RequestContext ctx, DeleteParametersRequest request) {
        if (request.names().isEmpty() || request.names().size() > 10) {
            throw SsmErrors.constraint(request.names(), "names",
                    "Member must have length less than or equal to 10 and greater than or equal to 1");
        }
        return cloud.write(ctx, tx -> {
            List<String> deleted = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            for (String name : new LinkedHashSet<>(request.names())) {
                var parameter = ParameterNames.find(tx, name);
                if (parameter.isPresent()) {
                    tx.remove(parameter.get());
                    deleted.add(name);
                } else {
                    invalid.add(name);
                }
            }
            return DeleteParametersResponse.builder().deletedParameters(deleted).invalidParameters(invalid).build();
        });
    }

    static Parameter require(StateView state, String nameOrArn) {
        return ParameterNames.find(state, nameOrArn).orElseThrow(() -> SsmErrors.notFound(nameOrArn));
    }

    /** A parameter and the version a {@code name:version} selector picked (the current one without). */
    private record Selected(Parameter parameter, Parameter.Version version, String selector) {}

    private static Selected select(StateView state, String requested) {
        int colon = requested.lastIndexOf(':');
        // An ARN has colons of its own; a selector follows the last one and the name after "parameter/".
        boolean hasSelector = colon > 0 && !requested.substring(colon).contains("/");
        if (!hasSelector) {
            Parameter parameter = require(state, requested);
            return new Selected(parameter, parameter.current(), null);
        }
        String name = requested.substring(0, colon);
        String selector = requested.substring(colon + 1);
        Parameter parameter = require(state, name);
        if (!selector.matches("\\d+")) {
            // Labels are not supported, so no label can match.
            throw SsmErrors.of("ParameterVersionLabelNotFound",
                    "Systems Manager could not find label " + selector + " for parameter " + name + ".");
        }
        long wanted = Long.parseLong(selector);
        Parameter.Version version = parameter.versions().stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> SsmErrors.of("ParameterVersionNotFound", "Systems Manager could not find version "
                        + wanted + " of " + name + ". Verify the version and try again."));
        return new Selected(parameter, version, ":" + selector);
    }

    /**
     * Without decryption a SecureString shows an opaque blob in place of its value, as the KMS
     * ciphertext would be on AWS.
     */
    private static String shownValue(Parameter.Version version, boolean decrypt) {
        if (!version.type().equals("SecureString") || decrypt) {
            return version.value();
        }
        String blob = "localvpc-kms:" + version.keyId() + ":" + version.value();
        return Base64.getEncoder().encodeToString(blob.getBytes(StandardCharsets.UTF_8));
    }

    private static software.amazon.awssdk.services.ssm.model.Parameter toSdk(
            RequestContext ctx, Selected selected, boolean decrypt) {
        Parameter.Version v = selected.version();
        return software.amazon.awssdk.services.ssm.model.Parameter.builder()
                .name(selected.parameter().name())
                .type(v.type())
                .value(shownValue(v, decrypt))
                .version(v.version())
                .selector(selected.selector())
                .lastModifiedDate(v.lastModifiedDate())
                .arn(ParameterNames.arn(ctx, selected.parameter().name()))
                .dataType(v.dataType())
                .build();
    }

    private static ParameterMetadata metadata(RequestContext ctx, Parameter parameter) {
        Parameter.Version v = parameter.current();
        return ParameterMetadata.builder()
                .name(parameter.name())
                .arn(ParameterNames.arn(ctx, parameter.name()))
                .type(v.type())
                .keyId(v.keyId())
                .lastModifiedDate(v.lastModifiedDate())
                .lastModifiedUser(modifiedBy(ctx))
                .description(v.description())
                .allowedPattern(v.allowedPattern())
                .version(v.version())
                .tier(v.tier())
                .policies(List.of())
                .dataType(v.dataType())
                .build();
    }

    private static ParameterHistory history(RequestContext ctx, Parameter parameter, Parameter.Version v, boolean decrypt) {
        return ParameterHistory.builder()
                .name(parameter.name())
                .type(v.type())
                .keyId(v.keyId())
                .lastModifiedDate(v.lastModifiedDate())
                .lastModifiedUser(modifiedBy(ctx))
                .description(v.description())
                .value(shownValue(v, decrypt))
                .allowedPattern(v.allowedPattern())
                .version(v.version())
                .labels(List.of())
                .tier(v.tier())
                .policies(List.of())
                .dataType(v.dataType())
                .build();
    }

    /** Every caller is its account's root user. */
    private static String modifiedBy(RequestContext ctx) {
        return "arn:aws:iam::" + ctx.accountId() + ":root";
    }
}
