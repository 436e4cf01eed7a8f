package io.localvpc.terraform.aws;

import io.localvpc.terraform.aws.ec2.AmiDataSource;
import io.localvpc.terraform.aws.ec2.AvailabilityZonesData;
import io.localvpc.terraform.aws.ec2.CallerIdentityData;
import io.localvpc.terraform.aws.ec2.EipAssociationResource;
import io.localvpc.terraform.aws.ec2.EipResource;
import io.localvpc.terraform.aws.ec2.InstanceResource;
import io.localvpc.terraform.aws.ec2.InternetGatewayResource;
import io.localvpc.terraform.aws.ec2.MainRouteTableAssociationResource;
import io.localvpc.terraform.aws.ec2.NatGatewayResource;
import io.localvpc.terraform.aws.ec2.NetworkAclResource;
import io.localvpc.terraform.aws.ec2.NetworkAclRuleResource;
import io.localvpc.terraform.aws.ec2.NetworkInterfaceResource;
import io.localvpc.terraform.aws.ec2.RegionData;
import io.localvpc.terraform.aws.ec2.RouteResource;
import io.localvpc.terraform.aws.ec2.RouteTableAssociationResource;
import io.localvpc.terraform.aws.ec2.RouteTableResource;
import io.localvpc.terraform.aws.ec2.SecurityGroupResource;
import io.localvpc.terraform.aws.ec2.SecurityGroupRuleResource;
import io.localvpc.terraform.aws.ec2.SubnetData;
import io.localvpc.terraform.aws.ec2.SubnetResource;
import io.localvpc.terraform.aws.ec2.SubnetsData;
import io.localvpc.terraform.aws.ec2.VpcData;
import io.localvpc.terraform.aws.ec2.VpcEndpointResource;
import io.localvpc.terraform.aws.ec2.VpcResource;
import io.localvpc.terraform.aws.ec2.VpcSecurityGroupRuleResource;
import io.localvpc.terraform.aws.iam.InstanceProfileResource;
import io.localvpc.terraform.aws.iam.PolicyDocumentDataSource;
import io.localvpc.terraform.aws.iam.PolicyResource;
import io.localvpc.terraform.aws.iam.RolePolicyAttachmentResource;
import io.localvpc.terraform.aws.iam.RolePolicyResource;
import io.localvpc.terraform.aws.iam.RoleResource;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.Provider;
import io.localvpc.terraform.provider.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The {@code aws} provider: every resource and data source type the built-in engine can manage, one line each. */
public final class AwsProvider implements Provider {
    private final Map<String, ResourceType> resources = new TreeMap<>();
    private final Map<String, DataSourceType> dataSources = new TreeMap<>();

    private AwsProvider(List<ResourceType> resourceTypes, List<DataSourceType> dataSourceTypes) {
        resourceTypes.forEach(r -> resources.put(r.typeName(), r));
        dataSourceTypes.forEach(d -> dataSources.put(d.typeName(), d));
    }

    public static AwsProvider create() {
        return new AwsProvider(
                List.of(
                        new VpcResource(),
                        new SubnetResource(),
                        new RouteTableResource(),
                        new RouteResource(),
                        new RouteTableAssociationResource(),
                        new MainRouteTableAssociationResource(),
                        new InternetGatewayResource(),
                        new EipResource(),
                        new EipAssociationResource(),
                        new NatGatewayResource(),
                        new NetworkAclResource(),
                        new NetworkAclRuleResource(),
                        new NetworkInterfaceResource(),
                        new SecurityGroupResource(),
                        new SecurityGroupRuleResource(),
                        VpcSecurityGroupRuleResource.ingress(),
                        VpcSecurityGroupRuleResource.egress(),
                        new InstanceResource(),
                        new RoleResource(),
                        new InstanceProfileResource(),
                        new RolePolicyAttachmentResource(),
                        new RolePolicyResource(),
                        new PolicyResource(),
                        new VpcEndpointResource()),
                List.of(
                        new AvailabilityZonesData(),
                        new RegionData(),
                        new CallerIdentityData(),
                        new VpcData(),
                        new SubnetData(),
                        new SubnetsData(),
                        new AmiDataSource(),
                        new PolicyDocumentDataSource()));
    }

    @Override
    public Optional<ResourceType> resource(String typeName) {
        return Optional.ofNullable(resources.get(typeName));
    }

    @Override
    public Optional<DataSourceType> dataSource(String typeName) {
        return Optional.ofNullable(dataSources.get(typeName));
    }

    @Override
    public Set<String> resourceTypes() {
        return resources.keySet();
    }

    @Override
    public Set<String> dataSourceTypes() {
        return dataSources.keySet();
    }
}
