package io.localvpc.service.ec2.endpoints;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.dataplane.internet.AwsPublicRanges.PrefixList;
import io.localvpc.model.Cidr;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.PrivateDnsDetails;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.ServiceTypeDetail;

/**
 * What a VPC can connect to: the endpoint services of the region (DescribeVpcEndpointServices) and
 * the AWS-managed prefix lists of the gateway services (DescribePrefixLists), whose blocks are the
 * addresses the simulated S3 and DynamoDB endpoints answer at.
 */
public final class EndpointCatalogService {
    private static final Filters<EndpointServices.Offer> SERVICE_FILTERS =
            Filters.<EndpointServices.Offer>forResource(EndpointServices.Offer::serviceName)
                    .on("service-name", EndpointServices.Offer::serviceName)
                    .on("service-type", EndpointServices.Offer::type)
                    .on("service-region", EndpointServices.Offer::region)
                    .on("owner", o -> "amazon");

    private static final Filters<PrefixList> PREFIX_LIST_FILTERS = Filters.forResource(PrefixList::id)
            .on("prefix-list-id", PrefixList::id)
            .on("prefix-list-name", PrefixList::name);

    private final CloudAccess cloud;

    public EndpointCatalogService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(DescribeVpcEndpointServicesRequest.class, this::describeServices)
                .on(DescribePrefixListsRequest.class, this::describePrefixLists);
    }

    DescribeVpcEndpointServicesResponse describeServices(RequestContext ctx, DescribeVpcEndpointServicesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<EndpointServices.Offer> offers = EndpointServices.all(ctx.region());
        if (request.hasServiceNames() && !request.serviceNames().isEmpty()) {
            for (String name : request.serviceNames()) {
                if (EndpointServices.named(ctx.region(), name).isEmpty()) {
                    throw EndpointServices.serviceNotFound(name);
                }
            }
            offers = offers.stream().filter(o -> request.serviceNames().contains(o.serviceName())).toList();
        }
        List<EndpointServices.Offer> matching = SERVICE_FILTERS.apply(offers, request.filters(), state);
        Pages<EndpointServices.Offer> page = Pages.of(matching, request.maxResults(), request.nextToken());
        return DescribeVpcEndpointServicesResponse.builder()
                .serviceNames(List.copyOf(new LinkedHashSet<>(
                        page.items().stream().map(EndpointServices.Offer::serviceName).toList())))
                .serviceDetails(page.items().stream().map(EndpointCatalogService::detail).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static ServiceDetail detail(EndpointServices.Offer offer) {
        boolean isInterface = VpcEndpoint.INTERFACE.equals(offer.type());
        ServiceDetail.Builder detail = ServiceDetail.builder()
                .serviceName(offer.serviceName())
                .serviceId(offer.serviceId())
                .serviceType(ServiceTypeDetail.builder().serviceType(offer.type()).build())
                .serviceRegion(offer.region())
                .availabilityZones(offer.zones())
                .owner("amazon")
                .baseEndpointDnsNames(isInterface
                        ? offer.shortName() + "." + offer.region() + ".vpce.amazonaws.com"
                        : offer.shortName() + "." + offer.region() + ".amazonaws.com")
                .vpcEndpointPolicySupported(true)
                .acceptanceRequired(false)
                .managesVpcEndpoints(false)
                .supportedIpAddressTypesWithStrings("ipv4")
                .tags(List.of());
        if (isInterface) {
            detail.privateDnsName(offer.privateDnsName())
                    .privateDnsNames(PrivateDnsDetails.builder().privateDnsName(offer.privateDnsName()).build())
                    .privateDnsNameVerificationState("verified");
        }
        return detail.build();
    }

    DescribePrefixListsResponse describePrefixLists(RequestContext ctx, DescribePrefixListsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<PrefixList> lists = AwsPublicRanges.prefixLists(ctx.region());
        if (request.hasPrefixListIds() && !request.prefixListIds().isEmpty()) {
            for (String id : request.prefixListIds()) {
                if (AwsPublicRanges.prefixListById(ctx.region(), id).isEmpty()) {
                    throw AwsException.badRequest("InvalidPrefixListID.NotFound",
                            "The prefix list ID '" + id + "' does not exist");
                }
            }
            lists = lists.stream().filter(p -> request.prefixListIds().contains(p.id())).toList();
        }
        Pages<PrefixList> page = Pages.of(PREFIX_LIST_FILTERS.apply(lists, request.filters(), state),
                request.maxResults(), request.nextToken());
        return DescribePrefixListsResponse.builder()
                .prefixLists(page.items().stream()
                        .map(p -> software.amazon.awssdk.services.ec2.model.PrefixList.builder()
                                .prefixListId(p.id())
                                .prefixListName(p.name())
                                .cidrs(p.cidrs().stream().map(Cidr::toString).toList())
                                .build())
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }
}
