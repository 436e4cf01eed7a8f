package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * {@code data "aws_ami"}: one DescribeImages with the owners, users and filters given (EC2 does the
 * wildcard matching), then {@code name_regex} on the names, then the newest when {@code most_recent}.
 */
public final class AmiDataSource extends SchemaType implements DataSourceType {
    private static final Schema FILTER = Schema.builder()
            .required("name", AttributeType.STRING)
            .required("values", AttributeType.listOf(AttributeType.STRING))
            .build();
    private static final Schema SCHEMA = Schema.builder()
            .computed("architecture", AttributeType.STRING)
            .computed("arn", AttributeType.STRING)
            .computed("block_device_mappings", AttributeType.setOf(AttributeType.mapOf(AttributeType.STRING)))
            .computed("boot_mode", AttributeType.STRING)
            .computed("creation_date", AttributeType.STRING)
            .computed("deprecation_time", AttributeType.STRING)
            .computed("description", AttributeType.STRING)
            .computed("ena_support", AttributeType.BOOL)
            .optional("executable_users", AttributeType.listOf(AttributeType.STRING))
            .computed("hypervisor", AttributeType.STRING)
            .computed("id", AttributeType.STRING)
            .computed("image_id", AttributeType.STRING)
            .computed("image_location", AttributeType.STRING)
            .computed("image_owner_alias", AttributeType.STRING)
            .computed("image_type", AttributeType.STRING)
            .computed("imds_support", AttributeType.STRING)
            .optional("include_deprecated", AttributeType.BOOL, false)
            .computed("kernel_id", AttributeType.STRING)
            .optional("most_recent", AttributeType.BOOL, false)
            .computed("name", AttributeType.STRING)
            .optional("name_regex", AttributeType.STRING)
            .computed("owner_id", AttributeType.STRING)
            .optional("owners", AttributeType.listOf(AttributeType.STRING))
            .computed("platform", AttributeType.STRING)
            .computed("platform_details", AttributeType.STRING)
            .computed("product_codes", AttributeType.setOf(AttributeType.mapOf(AttributeType.STRING)))
            .computed("public", AttributeType.BOOL)
            .computed("ramdisk_id", AttributeType.STRING)
            .computed("root_device_name", AttributeType.STRING)
            .computed("root_device_type", AttributeType.STRING)
            .computed("root_snapshot_id", AttributeType.STRING)
            .computed("sriov_net_support", AttributeType.STRING)
            .computed("state", AttributeType.STRING)
            .computed("state_reason", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tpm_support", AttributeType.STRING)
            .computed("usage_operation", AttributeType.STRING)
            .computed("virtualization_type", AttributeType.STRING)
            .block(new NestedBlock("filter", NestedBlock.Nesting.SET, FILTER, 0, 0, false, false))
            .build();

    public AmiDataSource() {
        super("aws_ami", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        List<Filter> filters = Plain.blocks(config, "filter").stream()
                .map(f -> Filter.builder().name(Plain.string(f, "name")).values(Plain.strings(f, "values")).build()).toList();
        List<String> owners = Plain.strings(config, "owners");
        List<String> users = Plain.strings(config, "executable_users");
        List<Image> images = Errors.find("reading EC2 AMIs", Set.of("InvalidAMIID.NotFound"), () -> aws.ec2()
                .describeImagesPaginator(r -> r
                        .owners(owners.isEmpty() ? null : owners)
                        .executableUsers(users.isEmpty() ? null : users)
                        .filters(filters.isEmpty() ? null : filters)
                        .includeDeprecated(Plain.bool(config, "include_deprecated")))
                .images().stream().toList()).orElse(List.of());
        String nameRegex = Plain.string(config, "name_regex");
        if (nameRegex != null) {
            Pattern pattern = Pattern.compile(nameRegex);
            images = images.stream().filter(i -> i.name() != null && pattern.matcher(i.name()).find()).toList();
        }
        if (images.isEmpty()) {
            throw new ProviderException("Your query returned no results. Please change your search criteria and try again.");
        }
        if (images.size() > 1 && !Plain.bool(config, "most_recent")) {
            throw new ProviderException("Your query returned more than one result. Please try a more specific search criteria, "
                    + "or set `most_recent` attribute to true.");
        }
        Image image = images.stream().max(Comparator.comparing(AmiDataSource::created)).orElseThrow();
        return attributes(aws, config, image);
    }

    private static Instant created(Image image) {
        return image.creationDate() == null ? Instant.EPOCH : Instant.parse(image.creationDate());
    }

    private static Map<String, Object> attributes(AwsContext aws, Map<String, Object> config, Image image) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("architecture", image.architectureAsString());
        out.put("arn", "arn:aws:ec2:" + aws.region() + "::image/" + image.imageId());
        out.put("block_device_mappings", image.blockDeviceMappings().stream().map(AmiDataSource::mapping).toList());
        out.put("boot_mode", Plain.orEmpty(image.bootModeAsString()));
        out.put("creation_date", image.creationDate());
        out.put("deprecation_time", Plain.orEmpty(image.deprecationTime()));
        out.put("description", Plain.orEmpty(image.description()));
        out.put("ena_support", Boolean.TRUE.equals(image.enaSupport()));
        out.put("executable_users", config.get("executable_users"));
        out.put("hypervisor", image.hypervisorAsString());
        out.put("id", image.imageId());
        out.put("image_id", image.imageId());
        out.put("image_location", Plain.orEmpty(image.imageLocation()));
        out.put("image_owner_alias", Plain.orEmpty(image.imageOwnerAlias()));
        out.put("image_type", image.imageTypeAsString());
        out.put("imds_support", Plain.orEmpty(image.imdsSupportAsString()));
        out.put("include_deprecated", Plain.bool(config, "include_deprecated"));
        out.put("kernel_id", Plain.orEmpty(image.kernelId()));
        out.put("most_recent", Plain.bool(config, "most_recent"));
        out.put("name", image.name());
        out.put("name_regex", config.get("name_regex"));
        out.put("owner_id", image.ownerId());
        out.put("owners", config.get("owners"));
        out.put("platform", Plain.orEmpty(image.platformAsString()));
        out.put("platform_details", Plain.orEmpty(image.platformDetails()));
        out.put("product_codes", image.productCodes().stream().map(p -> (Object) Map.of(
                "product_code_id", p.productCodeId(), "product_code_type", p.productCodeTypeAsString())).toList());
        out.put("public", Boolean.TRUE.equals(image.publicLaunchPermissions()));
        out.put("ramdisk_id", Plain.orEmpty(image.ramdiskId()));
        out.put("root_device_name", image.rootDeviceName());
        out.put("root_device_type", image.rootDeviceTypeAsString());
        out.put("root_snapshot_id", image.blockDeviceMappings().stream()
                .filter(m -> m.deviceName().equals(image.rootDeviceName()) && m.ebs() != null)
                .map(m -> m.ebs().snapshotId()).findFirst().orElse(""));
        out.put("sriov_net_support", Plain.orEmpty(image.sriovNetSupport()));
        out.put("state", image.stateAsString());
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("code", image.stateReason() == null ? "UNSET" : image.stateReason().code());
        reason.put("message", image.stateReason() == null ? "UNSET" : image.stateReason().message());
        out.put("state_reason", reason);
        out.put("tags", ResourceTags.userTags(ResourceTags.fromEc2(image.tags())));
        out.put("tpm_support", Plain.orEmpty(image.tpmSupportAsString()));
        out.put("usage_operation", Plain.orEmpty(image.usageOperation()));
        out.put("virtualization_type", image.virtualizationTypeAsString());
        out.put("filter", Plain.blocks(config, "filter").stream().map(f -> (Object) Map.of(
                "name", Plain.string(f, "name"), "values", Plain.list(Plain.strings(f, "values")))).toList());
        return out;
    }

    /** One block device mapping, every value a string as the provider flattens it. */
    private static Object mapping(BlockDeviceMapping m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device_name", m.deviceName());
        Map<String, Object> ebs = new LinkedHashMap<>();
        EbsBlockDevice e = m.ebs();
        if (e != null) {
            ebs.put("delete_on_termination", Boolean.toString(Boolean.TRUE.equals(e.deleteOnTermination())));
            ebs.put("encrypted", Boolean.toString(Boolean.TRUE.equals(e.encrypted())));
            ebs.put("iops", Integer.toString(e.iops() == null ? 0 : e.iops()));
            ebs.put("snapshot_id", Plain.orEmpty(e.snapshotId()));
            ebs.put("throughput", Integer.toString(e.throughput() == null ? 0 : e.throughput()));
            ebs.put("volume_size", Integer.toString(e.volumeSize() == null ? 0 : e.volumeSize()));
            ebs.put("volume_type", Plain.orEmpty(e.volumeTypeAsString()));
        }
        out.put("ebs", ebs);
        out.put("no_device", Plain.orEmpty(m.noDevice()));
        out.put("virtual_name", Plain.orEmpty(m.virtualName()));
        return out;
    }

}
