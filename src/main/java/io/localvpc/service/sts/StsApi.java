package io.localvpc.service.sts;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.iam.Role;
import io.localvpc.service.CloudAccess;
import io.localvpc.wire.ServiceDescriptor;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * AWS STS: who the caller is, and temporary credentials. Every access key is the root user of its
 * account, which is what the Terraform provider and the CLI need to learn the account id.
 */
public final class StsApi {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role(/(?:[\\x21-\\x7E]*/)?)([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final CloudAccess cloud;

    private StsApi(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public static ServiceDescriptor create(CloudAccess cloud) {
        StsApi sts = new StsApi(cloud);
        ServiceRoutes routes = new ServiceRoutes()
                .on(GetCallerIdentityRequest.class, StsApi::getCallerIdentity)
                .on(AssumeRoleRequest.class, sts::assumeRole)
                .on(GetSessionTokenRequest.class, StsApi::getSessionToken);
        return ServiceDescriptor.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", Set.of(), routes);
    }

    static GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        return GetCallerIdentityResponse.builder()
                .account(ctx.accountId())
                .userId(ctx.accountId())
                .arn(rootArn(ctx))
                .build();
    }

    /**
     * The role is looked up in the account its ARN names, so cross-account roles work. Trust policies
     * are not evaluated: any caller may assume any existing role.
     */
    AssumeRoleResponse assumeRole(RequestContext ctx, AssumeRoleRequest request) {
        required(request.roleArn(), "roleArn");
        required(request.roleSessionName(), "roleSessionName");
        if (!SESSION_NAME.matcher(request.roleSessionName()).matches()) {
            throw validation("1 validation error detected: Value '" + request.roleSessionName()
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        Matcher arn = ROLE_ARN.matcher(request.roleArn());
        if (!arn.matches()) {
            throw validation(request.roleArn() + " is invalid");
        }
        RequestContext owner = new RequestContext(arn.group(1), ctx.region(), ctx.requestId(), ctx.now());
        Role role = cloud.readGlobal(owner).find(Role.class, arn.group(3))
                .filter(r -> r.path().equals(arn.group(2)))
                .orElseThrow(() -> new AwsException("AccessDenied", "User: " + rootArn(ctx)
                        + " is not authorized to perform: sts:AssumeRole on resource: " + request.roleArn(), 403));
        int seconds = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        if (seconds < 900) {
            throw validation("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        }
        if (seconds > role.maxSessionDuration()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String session = request.roleSessionName();
        return AssumeRoleResponse.builder()
                .credentials(TemporaryCredentials.issue(ctx.now().plus(Duration.ofSeconds(seconds))))
                .assumedRoleUser(AssumedRoleUser.builder()
                        .assumedRoleId(role.roleId() + ":" + session)
                        .arn("arn:aws:sts::" + arn.group(1) + ":assumed-role/" + role.name() + "/" + session)
                        .build())
                .packedPolicySize(request.policy() == null ? null : 0)
                .build();
    }

    static GetSessionTokenResponse getSessionToken(RequestContext ctx, GetSessionTokenRequest request) {
        int seconds = request.durationSeconds() == null ? 43200 : request.durationSeconds();
        // Root credentials may ask for at most an hour; 900 seconds is STS's floor for everyone.
        if (seconds < 900 || seconds > 129600) {
            throw validation("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                    + (seconds < 900 ? "greater than or equal to 900" : "less than or equal to 129600"));
        }
        int granted = Math.min(seconds, 3600);
        return GetSessionTokenResponse.builder()
                .credentials(TemporaryCredentials.issue(ctx.now().plus(Duration.ofSeconds(granted))))
                .build();
    }

    private static String rootArn(RequestContext ctx) {
        return "arn:aws:iam::" + ctx.accountId() + ":root";
    }

    /** STS's SDK model marks nothing required, so the handler checks what AWS requires. */
    private static void required(String value, String member) {
        if (value == null) {
            throw validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }

    private static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }
}
