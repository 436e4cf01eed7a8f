package io.localvpc.service.sts;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.wire.ServiceDescriptor;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AWS STS: who the caller is. Every access key is the root user of its account, which is what the
 * Terraform provider and the CLI need to learn the account id.
 */
public final class StsApi {
    private StsApi() {}

    public static ServiceDescriptor create() {
        ServiceRoutes routes = new ServiceRoutes().on(GetCallerIdentityRequest.class, StsApi::getCallerIdentity);
        return ServiceDescriptor.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", Set.of(), routes);
    }

    static GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        return GetCallerIdentityResponse.builder()
                .account(ctx.accountId())
                .userId(ctx.accountId())
                .arn("arn:aws:iam::" + ctx.accountId() + ":root")
                .build();
    }
}
