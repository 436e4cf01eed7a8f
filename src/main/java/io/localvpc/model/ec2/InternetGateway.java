package io.localvpc.model.ec2;

import io.localvpc.model.Resource;

/** An internet gateway, attached to at most one VPC. */
public record InternetGateway(String id, String ownerId, String attachedVpcId) implements Resource {

    public InternetGateway withAttachedVpc(String vpcId) {
        return new InternetGateway(id, ownerId, vpcId);
    }
}
