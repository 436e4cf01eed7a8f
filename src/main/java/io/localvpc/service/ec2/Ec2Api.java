package io.localvpc.service.ec2;

import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.addressing.AddressService;
import io.localvpc.service.ec2.addressing.NatGatewayService;
import io.localvpc.service.ec2.addressing.NetworkInterfaceService;
import io.localvpc.service.ec2.endpoints.EndpointCatalogService;
import io.localvpc.service.ec2.endpoints.VpcEndpointService;
import io.localvpc.service.ec2.instances.IamInstanceProfileAssociationService;
import io.localvpc.service.ec2.instances.ImageService;
import io.localvpc.service.ec2.instances.InstanceAttributeService;
import io.localvpc.service.ec2.instances.InstanceLifecycle;
import io.localvpc.service.ec2.instances.InstanceService;
import io.localvpc.service.ec2.instances.InstanceTypeService;
import io.localvpc.service.ec2.instances.VolumeService;
import io.localvpc.service.ec2.routing.NetworkAclService;
import io.localvpc.service.ec2.routing.RouteService;
import io.localvpc.service.ec2.routing.RouteTableService;
import io.localvpc.service.ec2.securitygroups.SecurityGroupService;
import io.localvpc.service.ec2.vpc.InternetGatewayService;
import io.localvpc.service.ec2.vpc.SubnetService;
import io.localvpc.service.ec2.vpc.VpcDefaults;
import io.localvpc.service.ec2.vpc.VpcService;
import io.localvpc.service.ec2.vpc.ZoneService;
import io.localvpc.wire.ServiceDescriptor;

/** Amazon EC2 as LocalVPC serves it: every resource family's operations in one table. */
public final class Ec2Api {
    private Ec2Api() {}

    public static ServiceDescriptor create(CloudAccess cloud) {
        cloud.cloud().onNewRegion(VpcDefaults::seedDefaultVpc);
        NatGatewayService natGateways = new NatGatewayService(cloud);
        cloud.cloud().onDue(NatGateway.class, natGateways::evolve);
        InstanceLifecycle instances = new InstanceLifecycle(cloud.timings(), cloud.cloud().publicIps());
        cloud.cloud().onDue(Instance.class, instances::evolve);
        VpcEndpointService endpoints = new VpcEndpointService(cloud);
        cloud.cloud().onDue(VpcEndpoint.class, endpoints::evolve);
        ServiceRoutes routes = new ServiceRoutes()
                .include(new VpcService(cloud).routes())
                .include(new SubnetService(cloud).routes())
                .include(new InternetGatewayService(cloud).routes())
                .include(new RouteTableService(cloud).routes())
                .include(new RouteService(cloud).routes())
                .include(new NetworkAclService(cloud).routes())
                .include(new ZoneService(cloud).routes())
                .include(new SecurityGroupService(cloud).routes())
                .include(new AddressService(cloud).routes())
                .include(new NetworkInterfaceService(cloud).routes())
                .include(natGateways.routes())
                .include(endpoints.routes())
                .include(new EndpointCatalogService(cloud).routes())
                .include(new ImageService(cloud).routes())
                .include(new InstanceTypeService(cloud).routes())
                .include(new InstanceService(cloud, instances).routes())
                .include(new InstanceAttributeService(cloud).routes())
                .include(new VolumeService(cloud).routes())
                .include(new IamInstanceProfileAssociationService(cloud).routes())
                .include(new TagService(cloud).routes());
        return ServiceDescriptor.ec2(routes);
    }
}
