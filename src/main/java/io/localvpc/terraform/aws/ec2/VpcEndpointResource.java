package io.localvpc.terraform.aws.ec2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.iam.PolicyJson;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DnsOptionsSpecification;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * {@code aws_vpc_endpoint}, as the AWS provider manages it: CreateVpcEndpoint with a client token,
 * then DescribeVpcEndpoints until {@code available}; the read adds the service's prefix list
 * (DescribePrefixLists by name) for {@code prefix_list_id} and {@code cidr_blocks}; subnets,
 * security groups, route tables, private DNS, policy and IP address type change in place through
 * ModifyVpcEndpoint; {@code vpc_id}, {@code service_name} and {@code vpc_endpoint_type} replace it.
 * DeleteVpcEndpoints reports an endpoint already gone as an unsuccessful item, which is not an error.
 */
public final class VpcEndpointResource extends SchemaType implements ResourceType {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Arguments ModifyVpcEndpoint changes; after it the provider waits for the endpoint to be available again. */
    private static final List<String> MODIFIABLE = List.of("dns_options", "ip_address_type", "policy",
            "private_dns_enabled", "security_group_ids", "route_table_ids", "subnet_ids");

    private static final Schema SCHEMA = Schema.builder()
            .computed("id", AttributeType.STRING)
            .computed("arn", AttributeType.STRING)
            .optional("auto_accept", AttributeType.BOOL)
            .computed("cidr_blocks", AttributeType.listOf(AttributeType.STRING))
            .optionalComputed("ip_address_type", AttributeType.STRING)
            .computed("network_interface_ids", AttributeType.setOf(AttributeType.STRING))
            .computed("owner_id", AttributeType.STRING)
            .optionalComputed("policy", AttributeType.STRING)
            .computed("prefix_list_id", AttributeType.STRING)
            .optional("private_dns_enabled", AttributeType.BOOL, false)
            .computed("requester_managed", AttributeType.BOOL)
            .optionalComputed("route_table_ids", AttributeType.setOf(AttributeType.STRING))
            .optionalComputed("security_group_ids", AttributeType.setOf(AttributeType.STRING))
            .requiredForceNew("service_name", AttributeType.STRING)
            .computed("state", AttributeType.STRING)
            .optionalComputed("subnet_ids", AttributeType.setOf(AttributeType.STRING))
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .optionalForceNew("vpc_endpoint_type", AttributeType.STRING, "Gateway")
            .requiredForceNew("vpc_id", AttributeType.STRING)
            .block(new NestedBlock("dns_entry", NestedBlock.Nesting.LIST, Schema.builder()
                    .computed("dns_name", AttributeType.STRING)
                    .computed("hosted_zone_id", AttributeType.STRING)
                    .build(), 0, 0, false, true))
            .block(new NestedBlock("dns_options", NestedBlock.Nesting.LIST, Schema.builder()
                    .optional("dns_record_ip_type", AttributeType.STRING)
                    .optional("private_dns_only_for_inbound_resolver_endpoint", AttributeType.BOOL)
                    .build(), 0, 1, false, true))
            .build();

    public VpcEndpointResource() {
        super("aws_vpc_endpoint", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        if (prior != null) {
            // New interfaces get new ids and names; private DNS adds or drops the service's name.
            if (changed(prior, planned, "subnet_ids")) {
                planned.put("network_interface_ids", Unknown.VALUE);
                planned.put("dns_entry", Unknown.VALUE);
            }
            if (changed(prior, planned, "private_dns_enabled")) {
                planned.put("dns_entry", Unknown.VALUE);
            }
            if (MODIFIABLE.stream().anyMatch(name -> changed(prior, planned, name))) {
                planned.put("state", Unknown.VALUE);
            }
        }
        return planned;
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String serviceName = Plain.string(planned, "service_name");
        CreateVpcEndpointRequest.Builder request = CreateVpcEndpointRequest.builder()
                .clientToken(UUID.randomUUID().toString())
                .privateDnsEnabled(Plain.bool(planned, "private_dns_enabled"))
                .serviceName(serviceName)
                .tagSpecifications(tagSpecifications(aws, planned))
                .vpcEndpointType(Plain.string(planned, "vpc_endpoint_type"))
                .vpcId(Plain.string(planned, "vpc_id"));
        dnsOptions(planned).ifPresent(request::dnsOptions);
        Optional.ofNullable(Plain.string(planned, "ip_address_type")).ifPresent(request::ipAddressType);
        Optional.ofNullable(Plain.string(planned, "policy")).map(VpcEndpointResource::normalized)
                .ifPresent(request::policyDocument);
        nonEmpty(Plain.strings(planned, "route_table_ids")).ifPresent(request::routeTableIds);
        nonEmpty(Plain.strings(planned, "security_group_ids")).ifPresent(request::securityGroupIds);
        nonEmpty(Plain.strings(planned, "subnet_ids")).ifPresent(request::subnetIds);
        VpcEndpoint created = Errors.call("creating EC2 VPC Endpoint (" + serviceName + ")",
                () -> aws.ec2().createVpcEndpoint(request.build())).vpcEndpoint();
        String id = created.vpcEndpointId();
        awaitAvailable(aws, id, "create");
        Map<String, Object> state = new LinkedHashMap<>(planned);
        state.put("id", id);
        return read(aws, state).orElseThrow(() -> new ProviderException(
                "reading VPC Endpoint (" + id + "): couldn't find resource"));
    }

    private static List<software.amazon.awssdk.services.ec2.model.TagSpecification> tagSpecifications(
            AwsContext aws, Map<String, Object> planned) {
        var spec = ResourceTags.ec2Specification(aws, planned,
                software.amazon.awssdk.services.ec2.model.ResourceType.VPC_ENDPOINT);
        return spec == null ? null : List.of(spec);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String id = Plain.string(state, "id");
        Optional<VpcEndpoint> found = Ec2Find.vpcEndpoint(aws, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VpcEndpoint e = found.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.vpcEndpointId());
        out.put("arn", "arn:aws:ec2:" + aws.region() + ":" + e.ownerId() + ":vpc-endpoint/" + e.vpcEndpointId());
        out.put("auto_accept", state.get("auto_accept") == Unknown.VALUE ? null : state.get("auto_accept"));
        out.put("ip_address_type", e.ipAddressTypeAsString());
        out.put("network_interface_ids", Plain.list(e.networkInterfaceIds()));
        out.put("owner_id", e.ownerId());
        out.put("policy", policy(Plain.string(state, "policy"), e.policyDocument()));
        out.put("private_dns_enabled", Boolean.TRUE.equals(e.privateDnsEnabled()));
        out.put("requester_managed", Boolean.TRUE.equals(e.requesterManaged()));
        out.put("route_table_ids", Plain.list(e.routeTableIds()));
        out.put("security_group_ids", Plain.list(e.groups().stream().map(SecurityGroupIdentifier::groupId).toList()));
        out.put("service_name", e.serviceName());
        out.put("state", e.stateAsString());
        out.put("subnet_ids", Plain.list(e.subnetIds()));
        out.put("vpc_endpoint_type", e.vpcEndpointTypeAsString() == null ? "Gateway" : e.vpcEndpointTypeAsString());
        out.put("vpc_id", e.vpcId());
        Optional<PrefixList> prefixList = prefixList(aws, e.serviceName());
        out.put("cidr_blocks", Plain.list(prefixList.map(PrefixList::cidrs).orElse(List.of())));
        out.put("prefix_list_id", prefixList.map(PrefixList::prefixListId).orElse(null));
        List<Object> entries = new ArrayList<>();
        e.dnsEntries().forEach(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dns_name", d.dnsName());
            entry.put("hosted_zone_id", d.hostedZoneId());
            entries.add(entry);
        });
        out.put("dns_entry", entries);
        List<Object> dnsOptions = new ArrayList<>();
        if (e.dnsOptions() != null) {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("dns_record_ip_type", e.dnsOptions().dnsRecordIpTypeAsString());
            options.put("private_dns_only_for_inbound_resolver_endpoint",
                    Boolean.TRUE.equals(e.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()));
            dnsOptions.add(options);
        }
        out.put("dns_options", dnsOptions);
        out.put("tags", state.get("tags") == Unknown.VALUE ? null : state.get("tags"));
        ResourceTags.read(aws, out, ResourceTags.fromEc2(e.tags()));
        return Optional.of(out);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = Plain.string(prior, "id");
        if (MODIFIABLE.stream().anyMatch(name -> changed(prior, planned, name))) {
            ModifyVpcEndpointRequest.Builder request = ModifyVpcEndpointRequest.builder().vpcEndpointId(id);
            if (changed(prior, planned, "dns_options")) {
                dnsOptions(planned).ifPresent(request::dnsOptions);
            }
            if (changed(prior, planned, "ip_address_type")) {
                request.ipAddressType(Plain.string(planned, "ip_address_type"));
            }
            if (changed(prior, planned, "private_dns_enabled")) {
                request.privateDnsEnabled(Plain.bool(planned, "private_dns_enabled"));
            }
            request.addRouteTableIds(added(prior, planned, "route_table_ids"))
                    .removeRouteTableIds(added(planned, prior, "route_table_ids"))
                    .addSecurityGroupIds(added(prior, planned, "security_group_ids"))
                    .removeSecurityGroupIds(added(planned, prior, "security_group_ids"))
                    .addSubnetIds(added(prior, planned, "subnet_ids"))
                    .removeSubnetIds(added(planned, prior, "subnet_ids"));
            String before = Plain.string(prior, "policy");
            String after = Plain.string(planned, "policy");
            if (!equivalent(before, after)) {
                if (after == null || after.isEmpty()) {
                    request.resetPolicy(true);
                } else {
                    request.policyDocument(normalized(after));
                }
            }
            Errors.call("updating EC2 VPC Endpoint (" + id + ")", () -> aws.ec2().modifyVpcEndpoint(request.build()));
            awaitAvailable(aws, id, "update");
        }
        if (!Objects.equals(Plain.stringMap(prior, "tags_all"), ResourceTags.all(aws, planned))) {
            ResourceTags.updateEc2(aws, id, prior, planned);
        }
        return read(aws, planned).orElseThrow(() -> new ProviderException(
                "reading VPC Endpoint (" + id + "): couldn't find resource"));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = Plain.string(state, "id");
        DeleteVpcEndpointsResponse response = Errors.call("deleting EC2 VPC Endpoint (" + id + ")",
                () -> aws.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(id)));
        for (UnsuccessfulItem item : response.unsuccessful()) {
            if (!"InvalidVpcEndpoint.NotFound".equals(item.error().code())) {
                throw new ProviderException("deleting EC2 VPC Endpoint (" + id + "): " + item.error().code() + ": "
                        + item.error().message());
            }
        }
        Waits.untilGone(aws, "EC2 VPC Endpoint (" + id + ") delete", TIMEOUT, () -> Ec2Find.vpcEndpoint(aws, id));
    }

    /** Waits as the provider's WaitVPCEndpointAvailable does: pending → available, anything else is a failure. */
    private static void awaitAvailable(AwsContext aws, String id, String doing) {
        aws.await("EC2 VPC Endpoint (" + id + ") " + doing, TIMEOUT, () -> {
            VpcEndpoint e = Ec2Find.vpcEndpoint(aws, id).orElseThrow(() -> new ProviderException(
                    "waiting for EC2 VPC Endpoint (" + id + ") " + doing + ": couldn't find resource"));
            String state = e.stateAsString() == null ? "" : e.stateAsString().toLowerCase(java.util.Locale.ROOT);
            return switch (state) {
                case "available", "pendingacceptance" -> Optional.of(e);
                case "pending" -> Optional.empty();
                default -> throw new ProviderException("waiting for EC2 VPC Endpoint (" + id + ") " + doing
                        + ": unexpected state '" + e.stateAsString() + "', wanted target 'available'");
            };
        });
    }

    private static Optional<PrefixList> prefixList(AwsContext aws, String serviceName) {
        return Errors.call("reading EC2 Prefix List (" + serviceName + ")", () -> aws.ec2().describePrefixLists(r -> r
                        .filters(Filter.builder().name("prefix-list-name").values(serviceName).build())))
                .prefixLists().stream().findFirst();
    }

    private static Optional<DnsOptionsSpecification> dnsOptions(Map<String, Object> values) {
        return Plain.blocks(values, "dns_options").stream().findFirst().map(block -> DnsOptionsSpecification.builder()
                .dnsRecordIpType(Plain.string(block, "dns_record_ip_type"))
                .privateDnsOnlyForInboundResolverEndpoint(Plain.boolOrNull(block,
                        "private_dns_only_for_inbound_resolver_endpoint"))
                .build());
    }

    private static Optional<List<String>> nonEmpty(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** The elements of set {@code name} in {@code to} that {@code from} does not have. */
    private static List<String> added(Map<String, Object> from, Map<String, Object> to, String name) {
        Set<String> had = new LinkedHashSet<>(Plain.strings(from, name));
        return Plain.strings(to, name).stream().filter(v -> !had.contains(v)).toList();
    }

    private static boolean changed(Map<String, Object> prior, Map<String, Object> planned, String name) {
        Object before = prior.get(name);
        Object after = planned.get(name);
        if (after == Unknown.VALUE) {
            return true;
        }
        if (before instanceof List<?> b && after instanceof List<?> a) {
            return !new LinkedHashSet<>(b).equals(new LinkedHashSet<>(a));
        }
        if ("policy".equals(name)) {
            return !equivalent(Plain.string(prior, name), Plain.string(planned, name));
        }
        return !Objects.equals(before, after);
    }

    /** The policy for state: the configured one while AWS holds an equivalent document, else AWS's. */
    private static String policy(String configured, String reported) {
        if (configured != null && equivalent(configured, reported)) {
            return normalized(configured);
        }
        return reported == null ? null : normalized(reported);
    }

    /** The provider's {@code PoliciesAreEquivalent}: the same policy however its JSON is laid out. */
    private static boolean equivalent(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return a.equals(b) || PolicyJson.equivalent(a, b);
    }

    /** A JSON document without insignificant white space, as the provider's NormalizeJsonString leaves it. */
    private static String normalized(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ProviderException("\"policy\" contains an invalid JSON: " + e.getOriginalMessage());
        }
    }
}
