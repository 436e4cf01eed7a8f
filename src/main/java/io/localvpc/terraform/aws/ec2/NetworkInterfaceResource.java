package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.listOf;
import static io.localvpc.terraform.provider.AttributeType.mapOf;
import static io.localvpc.terraform.provider.AttributeType.setOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.PrivateIpAddressSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code aws_network_interface}: CreateNetworkInterface with its private addresses (a set, or an
 * ordered list when {@code private_ip_list_enabled}), waits for {@code available}; description,
 * security groups, source/dest check and secondary private addresses change in place.
 * IPv6 and prefix delegation are read (LocalVPC has none to give) but not requested.
 */
public final class NetworkInterfaceResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final Schema ATTACHMENT = Schema.builder()
            .computed("attachment_id", STRING)
            .required("device_index", NUMBER)
            .required("instance", STRING)
            .optionalComputed("network_card_index", NUMBER)
            .build();

    public NetworkInterfaceResource() {
        super("aws_network_interface", "EC2 Network Interface", Schema.builder()
                .computed("arn", STRING)
                .optional("description", STRING)
                .optionalComputed("enable_primary_ipv6", BOOL)
                .computed("id", STRING)
                .optionalComputedForceNew("interface_type", STRING)
                .optionalComputed("ipv4_prefix_count", NUMBER)
                .optionalComputed("ipv4_prefixes", setOf(STRING))
                .optionalComputed("ipv6_address_count", NUMBER)
                .optionalComputed("ipv6_address_list", listOf(STRING))
                .optional("ipv6_address_list_enabled", BOOL, false)
                .optionalComputed("ipv6_addresses", setOf(STRING))
                .optionalComputed("ipv6_prefix_count", NUMBER)
                .optionalComputed("ipv6_prefixes", setOf(STRING))
                .computed("mac_address", STRING)
                .computed("outpost_arn", STRING)
                .computed("owner_id", STRING)
                .computed("private_dns_name", STRING)
                .optionalComputed("private_ip", STRING)
                .optionalComputed("private_ip_list", listOf(STRING))
                .optional("private_ip_list_enabled", BOOL, false)
                .optionalComputed("private_ips", setOf(STRING))
                .optionalComputed("private_ips_count", NUMBER)
                .optionalComputed("security_groups", setOf(STRING))
                .optional("source_dest_check", BOOL, true)
                .requiredForceNew("subnet_id", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .block(new NestedBlock("attachment", NestedBlock.Nesting.SET, ATTACHMENT, 0, 0, false, true))
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        if (!Plain.blocks(planned, "attachment").isEmpty()) {
            throw new ProviderException("creating " + label + ": attaching from aws_network_interface (AttachNetworkInterface) "
                    + "is not served by LocalVPC; give the instance the interface at launch instead");
        }
        CreateNetworkInterfaceRequest.Builder request = CreateNetworkInterfaceRequest.builder()
                .subnetId(Plain.string(planned, "subnet_id"))
                .description(set(planned, "description"))
                .interfaceType(set(planned, "interface_type"));
        List<String> groups = Plain.strings(planned, "security_groups");
        if (!groups.isEmpty()) {
            request.groups(groups);
        }
        List<String> addresses = Plain.bool(planned, "private_ip_list_enabled")
                ? Plain.strings(planned, "private_ip_list") : Plain.strings(planned, "private_ips");
        if (!addresses.isEmpty()) {
            List<PrivateIpAddressSpecification> specifications = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                specifications.add(PrivateIpAddressSpecification.builder().primary(i == 0).privateIpAddress(addresses.get(i)).build());
            }
            request.privateIpAddresses(specifications);
        } else {
            request.privateIpAddress(set(planned, "private_ip"));
        }
        Integer secondaries = Plain.integer(planned, "private_ips_count");
        if (secondaries != null && secondaries > 0) {
            request.secondaryPrivateIpAddressCount(secondaries);
        }
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.NETWORK_INTERFACE);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createNetworkInterface(request.build()))
                .networkInterface().networkInterfaceId();
        Waits.forState(aws, label + " (" + id + ") create", TIMEOUT, () -> Ec2Find.networkInterface(aws, id),
                new Waits.States<>(NetworkInterface::statusAsString, Set.of("pending"), Set.of("available"), null));
        if (!Plain.bool(planned, "source_dest_check") && planned.get("source_dest_check") != null) {
            modify(aws, id, "SourceDestCheck", r -> r.sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<NetworkInterface> found = Ec2Find.networkInterface(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NetworkInterface eni = found.get();
        Map<String, Object> state = newState(prior);
        state.put("arn", States.arn(aws, "ec2", eni.ownerId(), "network-interface/" + eni.networkInterfaceId()));
        state.put("attachment", attachment(eni.attachment()));
        state.put("description", str(eni.description()));
        state.put("enable_primary_ipv6", eni.ipv6Addresses().stream().anyMatch(a -> Boolean.TRUE.equals(a.isPrimaryIpv6())));
        state.put("interface_type", str(eni.interfaceTypeAsString()));
        state.put("ipv4_prefix_count", Plain.number(eni.ipv4Prefixes().size()));
        state.put("ipv4_prefixes", States.set(eni.ipv4Prefixes().stream().map(p -> (Object) p.ipv4Prefix()).toList()));
        List<Object> ipv6 = eni.ipv6Addresses().stream().map(a -> (Object) a.ipv6Address()).toList();
        state.put("ipv6_address_count", Plain.number(ipv6.size()));
        state.put("ipv6_address_list", new ArrayList<>(ipv6));
        state.put("ipv6_addresses", States.set(ipv6));
        state.put("ipv6_prefix_count", Plain.number(eni.ipv6Prefixes().size()));
        state.put("ipv6_prefixes", States.set(eni.ipv6Prefixes().stream().map(p -> (Object) p.ipv6Prefix()).toList()));
        state.put("mac_address", str(eni.macAddress()));
        state.put("outpost_arn", str(eni.outpostArn()));
        state.put("owner_id", str(eni.ownerId()));
        state.put("private_dns_name", str(eni.privateDnsName()));
        state.put("private_ip", str(eni.privateIpAddress()));
        List<Object> addresses = primaryFirst(eni.privateIpAddresses());
        state.put("private_ips", States.set(addresses));
        state.put("private_ip_list", addresses);
        state.put("private_ips_count", Plain.number(Math.max(0, addresses.size() - 1)));
        state.put("security_groups", States.set(eni.groups().stream().map(g -> (Object) g.groupId()).toList()));
        state.put("source_dest_check", States.bool(eni.sourceDestCheck()));
        state.put("subnet_id", str(eni.subnetId()));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(eni.tagSet()));
        return Optional.of(state);
    }

    private static List<Object> attachment(NetworkInterfaceAttachment attachment) {
        List<Object> blocks = new ArrayList<>();
        if (attachment != null) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("attachment_id", str(attachment.attachmentId()));
            block.put("device_index", States.num(attachment.deviceIndex()));
            block.put("instance", str(attachment.instanceId()));
            block.put("network_card_index", States.num(attachment.networkCardIndex()));
            blocks.add(block);
        }
        return blocks;
    }

    private static List<Object> primaryFirst(List<NetworkInterfacePrivateIpAddress> addresses) {
        List<Object> out = new ArrayList<>();
        addresses.stream().filter(a -> Boolean.TRUE.equals(a.primary())).forEach(a -> out.add(a.privateIpAddress()));
        addresses.stream().filter(a -> !Boolean.TRUE.equals(a.primary())).forEach(a -> out.add(a.privateIpAddress()));
        return out;
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = id(prior);
        if (changed(prior, planned, "attachment")) {
            throw new ProviderException("updating " + label + " (" + id + "): attaching and detaching "
                    + "(AttachNetworkInterface, DetachNetworkInterface) is not served by LocalVPC");
        }
        if (changed(prior, planned, "private_ips") && !Plain.bool(planned, "private_ip_list_enabled")) {
            updateAddresses(aws, id, Plain.strings(prior, "private_ips"), Plain.strings(planned, "private_ips"));
        } else if (changed(prior, planned, "private_ip_list") && Plain.bool(planned, "private_ip_list_enabled")) {
            updateAddresses(aws, id, Plain.strings(prior, "private_ip_list"), Plain.strings(planned, "private_ip_list"));
        } else if (changed(prior, planned, "private_ips_count") && Plain.integer(planned, "private_ips_count") != null) {
            updateCount(aws, id, prior, Plain.integer(planned, "private_ips_count"));
        }
        if (changed(prior, planned, "source_dest_check")) {
            modify(aws, id, "SourceDestCheck", r -> r.sourceDestCheck(
                    AttributeBooleanValue.builder().value(Plain.bool(planned, "source_dest_check")).build()));
        }
        if (changed(prior, planned, "security_groups")) {
            modify(aws, id, "Groups", r -> r.groups(Plain.strings(planned, "security_groups")));
        }
        if (changed(prior, planned, "description")) {
            modify(aws, id, "Description", r -> r.description(
                    AttributeValue.builder().value(str(Plain.string(planned, "description"))).build()));
        }
    }

    /** Unassigns the secondary addresses no longer wanted, then assigns the new ones (the primary stays). */
    private void updateAddresses(AwsContext aws, String id, List<String> before, List<String> after) {
        List<String> removed = before.stream().filter(a -> !after.contains(a)).toList();
        List<String> added = after.stream().filter(a -> !before.contains(a)).toList();
        if (!removed.isEmpty()) {
            Errors.call("unassigning " + label + " (" + id + ") private IPv4 addresses",
                    () -> aws.ec2().unassignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses(removed)));
        }
        if (!added.isEmpty()) {
            Errors.call("assigning " + label + " (" + id + ") private IPv4 addresses",
                    () -> aws.ec2().assignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses(added)));
        }
    }

    /** Brings the number of secondary addresses to {@code wanted}: assigns more, or unassigns the last ones. */
    private void updateCount(AwsContext aws, String id, Map<String, Object> prior, int wanted) {
        List<String> secondaries = new ArrayList<>(Plain.strings(prior, "private_ip_list"));
        if (!secondaries.isEmpty()) {
            secondaries.remove(0);
        }
        if (wanted > secondaries.size()) {
            Errors.call("assigning " + label + " (" + id + ") private IPv4 addresses", () -> aws.ec2().assignPrivateIpAddresses(
                    r -> r.networkInterfaceId(id).secondaryPrivateIpAddressCount(wanted - secondaries.size())));
        } else if (wanted < secondaries.size()) {
            List<String> removed = secondaries.subList(wanted, secondaries.size());
            Errors.call("unassigning " + label + " (" + id + ") private IPv4 addresses",
                    () -> aws.ec2().unassignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses(removed)));
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        Errors.find(doing("deleting", id), Set.of("InvalidNetworkInterfaceID.NotFound"),
                () -> aws.ec2().deleteNetworkInterface(r -> r.networkInterfaceId(id)));
    }

    private void modify(AwsContext aws, String id, String attribute,
            Consumer<ModifyNetworkInterfaceAttributeRequest.Builder> change) {
        Errors.call("modifying " + label + " (" + id + ") " + attribute,
                () -> aws.ec2().modifyNetworkInterfaceAttribute(r -> change.accept(r.networkInterfaceId(id))));
    }
}
