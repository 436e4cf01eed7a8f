package io.localvpc.service;

import io.localvpc.api.RequestContext;
import io.localvpc.model.Cloud;
import io.localvpc.model.Region;
import io.localvpc.model.RegionState;
import io.localvpc.model.Tx;
import java.util.function.Function;

/** How handlers reach the caller's account and region of the cloud model. */
public record CloudAccess(Cloud cloud, Timings timings, Quotas quotas) {

    public Region region(RequestContext context) {
        return cloud.region(context.accountId(), context.region(), context.now());
    }

    /** The caller's regional state, as of the request's instant. */
    public RegionState read(RequestContext context) {
        return region(context).read(context.now());
    }

    /** One atomic, durable change to the caller's regional state. */
    public <R> R write(RequestContext context, Function<Tx, R> work) {
        return region(context).write(context.now(), work);
    }

    /** The caller's account-wide (IAM) state. */
    public RegionState readGlobal(RequestContext context) {
        return cloud.global(context.accountId(), context.now()).read(context.now());
    }

    public <R> R writeGlobal(RequestContext context, Function<Tx, R> work) {
        return cloud.global(context.accountId(), context.now()).write(context.now(), work);
    }
}
