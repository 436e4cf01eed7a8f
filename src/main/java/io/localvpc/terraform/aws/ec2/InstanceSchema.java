package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;

/** The arguments and attributes of {@code aws_instance}, as the provider (v5) declares them. */
final class InstanceSchema {
    private InstanceSchema() {}

    private static final AttributeType STRINGS = AttributeType.listOf(AttributeType.STRING);
    private static final AttributeType STRING_SET = AttributeType.setOf(AttributeType.STRING);
    private static final AttributeType TAGS = AttributeType.mapOf(AttributeType.STRING);

    private static NestedBlock list(String name, Schema schema, boolean forceNew, boolean computed) {
        return new NestedBlock(name, NestedBlock.Nesting.LIST, schema, 0, 1, forceNew, computed);
    }

    private static NestedBlock set(String name, Schema schema, boolean forceNew, boolean computed) {
        return new NestedBlock(name, NestedBlock.Nesting.SET, schema, 0, 0, forceNew, computed);
    }

    static final Schema ROOT_BLOCK_DEVICE = Schema.builder()
            .optional("delete_on_termination", AttributeType.BOOL, true)
            .computed("device_name", AttributeType.STRING)
            .optionalComputedForceNew("encrypted", AttributeType.BOOL)
            .optionalComputed("iops", AttributeType.NUMBER)
            .optionalComputedForceNew("kms_key_id", AttributeType.STRING)
            .optional("tags", TAGS)
            .optionalComputed("throughput", AttributeType.NUMBER)
            .computed("volume_id", AttributeType.STRING)
            .optionalComputed("volume_size", AttributeType.NUMBER)
            .optionalComputed("volume_type", AttributeType.STRING)
            .build();

    static final Schema EBS_BLOCK_DEVICE = Schema.builder()
            .optionalForceNew("delete_on_termination", AttributeType.BOOL, true)
            .requiredForceNew("device_name", AttributeType.STRING)
            .optionalComputedForceNew("encrypted", AttributeType.BOOL)
            .optionalComputedForceNew("iops", AttributeType.NUMBER)
            .optionalComputedForceNew("kms_key_id", AttributeType.STRING)
            .optionalComputedForceNew("snapshot_id", AttributeType.STRING)
            .optional("tags", TAGS)
            .optionalComputedForceNew("throughput", AttributeType.NUMBER)
            .computed("volume_id", AttributeType.STRING)
            .optionalComputedForceNew("volume_size", AttributeType.NUMBER)
            .optionalComputedForceNew("volume_type", AttributeType.STRING)
            .build();

    static final Schema METADATA_OPTIONS = Schema.builder()
            .optionalComputed("http_endpoint", AttributeType.STRING)
            .optionalComputed("http_protocol_ipv6", AttributeType.STRING)
            .optionalComputed("http_put_response_hop_limit", AttributeType.NUMBER)
            .optionalComputed("http_tokens", AttributeType.STRING)
            .optionalComputed("instance_metadata_tags", AttributeType.STRING)
            .build();

    static final Schema SCHEMA = Schema.builder()
            .optionalComputedForceNew("ami", AttributeType.STRING)
            .computed("arn", AttributeType.STRING)
            .optionalComputedForceNew("associate_public_ip_address", AttributeType.BOOL)
            .optionalComputedForceNew("availability_zone", AttributeType.STRING)
            .optionalComputedForceNew("cpu_core_count", AttributeType.NUMBER)
            .optionalComputedForceNew("cpu_threads_per_core", AttributeType.NUMBER)
            .optionalComputed("disable_api_stop", AttributeType.BOOL)
            .optionalComputed("disable_api_termination", AttributeType.BOOL)
            .optionalComputedForceNew("ebs_optimized", AttributeType.BOOL)
            .optional("get_password_data", AttributeType.BOOL, false)
            .optionalForceNew("hibernation", AttributeType.BOOL)
            .optionalComputedForceNew("host_id", AttributeType.STRING)
            .optionalComputed("host_resource_group_arn", AttributeType.STRING)
            .optionalComputed("iam_instance_profile", AttributeType.STRING)
            .computed("id", AttributeType.STRING)
            .optionalComputed("instance_initiated_shutdown_behavior", AttributeType.STRING)
            .computed("instance_lifecycle", AttributeType.STRING)
            .computed("instance_state", AttributeType.STRING)
            .optionalComputed("instance_type", AttributeType.STRING)
            .optionalComputedForceNew("ipv6_address_count", AttributeType.NUMBER)
            .optionalComputedForceNew("ipv6_addresses", STRINGS)
            .optionalComputedForceNew("key_name", AttributeType.STRING)
            .optionalComputed("monitoring", AttributeType.BOOL)
            .computed("outpost_arn", AttributeType.STRING)
            .computed("password_data", AttributeType.STRING)
            .optionalComputedForceNew("placement_group", AttributeType.STRING)
            .optionalComputedForceNew("placement_partition_number", AttributeType.NUMBER)
            .computed("primary_network_interface_id", AttributeType.STRING)
            .computed("private_dns", AttributeType.STRING)
            .optionalComputedForceNew("private_ip", AttributeType.STRING)
            .computed("public_dns", AttributeType.STRING)
            .computed("public_ip", AttributeType.STRING)
            .optionalComputed("secondary_private_ips", STRING_SET)
            .optionalComputedForceNew("security_groups", STRING_SET)
            .optional("source_dest_check", AttributeType.BOOL, true)
            .computed("spot_instance_request_id", AttributeType.STRING)
            .optionalComputedForceNew("subnet_id", AttributeType.STRING)
            .optional("tags", TAGS)
            .computed("tags_all", TAGS)
            .optionalComputedForceNew("tenancy", AttributeType.STRING)
            .optionalComputed("user_data", AttributeType.STRING)
            .optionalComputed("user_data_base64", AttributeType.STRING)
            .optional("user_data_replace_on_change", AttributeType.BOOL, false)
            .optional("volume_tags", TAGS)
            .optionalComputed("vpc_security_group_ids", STRING_SET)
            .block(list("capacity_reservation_specification", Schema.builder()
                    .optional("capacity_reservation_preference", AttributeType.STRING)
                    .block(list("capacity_reservation_target", Schema.builder()
                            .optional("capacity_reservation_id", AttributeType.STRING)
                            .optional("capacity_reservation_resource_group_arn", AttributeType.STRING)
                            .build(), false, false))
                    .build(), false, true))
            .block(list("cpu_options", Schema.builder()
                    .optionalComputedForceNew("amd_sev_snp", AttributeType.STRING)
                    .optionalComputedForceNew("core_count", AttributeType.NUMBER)
                    .optionalComputedForceNew("threads_per_core", AttributeType.NUMBER)
                    .build(), false, true))
            .block(list("credit_specification", Schema.builder()
                    .optional("cpu_credits", AttributeType.STRING)
                    .build(), false, false))
            .block(set("ebs_block_device", EBS_BLOCK_DEVICE, true, true))
            .block(list("enclave_options", Schema.builder()
                    .optionalComputedForceNew("enabled", AttributeType.BOOL)
                    .build(), true, true))
            .block(set("ephemeral_block_device", Schema.builder()
                    .required("device_name", AttributeType.STRING)
                    .optional("no_device", AttributeType.BOOL)
                    .optional("virtual_name", AttributeType.STRING)
                    .build(), true, true))
            .block(list("instance_market_options", Schema.builder()
                    .optionalComputedForceNew("market_type", AttributeType.STRING)
                    .build(), true, true))
            .block(list("launch_template", Schema.builder()
                    .optionalComputedForceNew("id", AttributeType.STRING)
                    .optionalComputedForceNew("name", AttributeType.STRING)
                    .optional("version", AttributeType.STRING, "$Default")
                    .build(), true, false))
            .block(list("maintenance_options", Schema.builder()
                    .optionalComputed("auto_recovery", AttributeType.STRING)
                    .build(), false, true))
            .block(list("metadata_options", METADATA_OPTIONS, false, true))
            .block(set("network_interface", Schema.builder()
                    .optionalForceNew("delete_on_termination", AttributeType.BOOL, false)
                    .requiredForceNew("device_index", AttributeType.NUMBER)
                    .optionalForceNew("network_card_index", AttributeType.NUMBER, BigDecimal.ZERO)
                    .requiredForceNew("network_interface_id", AttributeType.STRING)
                    .build(), true, true))
            .block(list("private_dns_name_options", Schema.builder()
                    .optionalComputed("enable_resource_name_dns_a_record", AttributeType.BOOL)
                    .optionalComputed("enable_resource_name_dns_aaaa_record", AttributeType.BOOL)
                    .optionalComputed("hostname_type", AttributeType.STRING)
                    .build(), true, true))
            .block(list("root_block_device", ROOT_BLOCK_DEVICE, false, true))
            .build();
}
