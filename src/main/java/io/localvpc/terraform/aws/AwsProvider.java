package io.localvpc.terraform.aws;

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
                        new io.localvpc.terraform.aws.ec2.VpcResource(),
                        new io.localvpc.terraform.aws.ec2.SubnetResource(),
                        new io.localvpc.terraform.aws.ec2.RouteTableResource(),
                        new io.localvpc.terraform.aws.ec2.RouteResource(),
                        new io.localvpc.terraform.aws.ec2.RouteTableAssociationResource(),
                        new io.localvpc.terraform.aws.ec2.MainRouteTableAssociationResource(),
                        new io.localvpc.terraform.aws.ec2.InternetGatewayResource(),
                        new io.localvpc.terraform.aws.ec2.EipResource(),
                        new io.localvpc.terraform.aws.ec2.EipAssociationResource(),
                        new io.localvpc.terraform.aws.ec2.NatGatewayResource(),
                        new io.localvpc.terraform.aws.ec2.NetworkAclResource(),
                        new io.localvpc.terraform.aws.ec2.NetworkAclRuleResource(),
                        new io.localvpc.terraform.aws.ec2.NetworkInterfaceResource(),
                        new io.localvpc.terraform.aws.ec2.SecurityGroupResource(),
                        new io.localvpc.terraform.aws.ec2.SecurityGroupRuleResource(),
                        io.localvpc.terraform.aws.ec2.VpcSecurityGroupRuleResource.ingress(),
                        io.localvpc.terraform.aws.ec2.VpcSecurityGroupRuleResource.egress(),
                        new io.localvpc.terraform.aws.ec2.InstanceResource(),
                        new io.localvpc.terraform.aws.ec2.VpcEndpointResource(),
                        new io.localvpc.terraform.aws.iam.RoleResource(),
                        new io.localvpc.terraform.aws.iam.InstanceProfileResource(),
                        new io.localvpc.terraform.aws.iam.RolePolicyAttachmentResource(),
                        new io.localvpc.terraform.aws.iam.RolePolicyResource(),
                        new io.localvpc.terraform.aws.iam.PolicyResource()),
                List.of(
                        new io.localvpc.terraform.aws.ec2.AmiDataSource(),
                        new io.localvpc.terraform.aws.ec2.AvailabilityZonesData(),
                        new io.localvpc.terraform.aws.ec2.RegionData(),
                        new io.localvpc.terraform.aws.ec2.CallerIdentityData(),
                        new io.localvpc.terraform.aws.ec2.VpcData(),
                        new io.localvpc.terraform.aws.ec2.SubnetData(),
                        new io.localvpc.terraform.aws.ec2.SubnetsData(),
                        new io.localvpc.terraform.aws.iam.PolicyDocumentDataSource()));
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
