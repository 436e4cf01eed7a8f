package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

class InstanceTypeApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private final Ec2Client ec2 = server.ec2();

    @Test
    void t3_nano_is_known_with_what_terraform_reads() {
        List<InstanceTypeInfo> types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.nano")).instanceTypes();
        assertThat(types).singleElement().satisfies(t -> {
            assertThat(t.instanceTypeAsString()).isEqualTo("t3.nano");
            assertThat(t.burstablePerformanceSupported()).isTrue();
            assertThat(t.currentGeneration()).isTrue();
            assertThat(t.freeTierEligible()).isFalse();
            assertThat(t.vCpuInfo().defaultVCpus()).isEqualTo(2);
            assertThat(t.vCpuInfo().defaultCores()).isEqualTo(1);
            assertThat(t.vCpuInfo().defaultThreadsPerCore()).isEqualTo(2);
            assertThat(t.memoryInfo().sizeInMiB()).isEqualTo(512L);
            assertThat(t.processorInfo().supportedArchitecturesAsStrings()).containsExactly("x86_64");
            assertThat(t.networkInfo().maximumNetworkInterfaces()).isEqualTo(2);
            assertThat(t.networkInfo().ipv4AddressesPerInterface()).isEqualTo(2);
            assertThat(t.networkInfo().networkPerformance()).isEqualTo("Up to 5 Gigabit");
            assertThat(t.hypervisorAsString()).isEqualTo("nitro");
            assertThat(t.supportedUsageClassesAsStrings()).contains("on-demand");
            assertThat(t.supportedRootDeviceTypesAsStrings()).containsExactly("ebs");
            assertThat(t.supportedVirtualizationTypesAsStrings()).containsExactly("hvm");
            assertThat(t.instanceStorageSupported()).isFalse();
            assertThat(t.ebsInfo().ebsOptimizedSupportAsString()).isEqualTo("default");
        });
        InstanceTypeInfo m7g = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("m7g.large")).instanceTypes().get(0);
        assertThat(m7g.processorInfo().supportedArchitecturesAsStrings()).containsExactly("arm64");
        assertThat(m7g.burstablePerformanceSupported()).isFalse();
        InstanceTypeInfo t2 = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro")).instanceTypes().get(0);
        assertThat(t2.freeTierEligible()).isTrue();
        assertThat(t2.hypervisorAsString()).isEqualTo("xen");
    }

    @Test
    void unknown_types_are_refused_with_the_aws_message() {
        var error = assertAwsError(() -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.galactic")),
                "InvalidInstanceType");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The following supplied instance types do not exist: [t3.galactic]");
    }

    @Test
    void filters_select_by_family_wildcard_and_specs() {
        assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("instance-type").values("t3.*"))).instanceTypes())
                .extracting(InstanceTypeInfo::instanceTypeAsString)
                .containsExactly("t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge", "t3.2xlarge");
        assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("free-tier-eligible").values("true"))).instanceTypes())
                .extracting(InstanceTypeInfo::instanceTypeAsString).containsExactlyInAnyOrder("t2.micro", "t3.micro");
        assertThat(ec2.describeInstanceTypes(r -> r.filters(
                        f -> f.name("processor-info.supported-architecture").values("arm64"),
                        f -> f.name("burstable-performance-supported").values("true"),
                        f -> f.name("vcpu-info.default-vcpus").values("2"),
                        f -> f.name("memory-info.size-in-mib").values("1024", "2048"))).instanceTypes())
                .extracting(InstanceTypeInfo::instanceTypeAsString).containsExactly("t4g.micro", "t4g.small");
        assertThat(ec2.describeInstanceTypes(r -> r.filters(f -> f.name("current-generation").values("false")))
                .instanceTypes()).isEmpty();
        assertAwsError(() -> ec2.describeInstanceTypes(r -> r.filters(f -> f.name("colour").values("x"))),
                "InvalidParameterValue");
    }

    @Test
    void pages_between_5_and_100() {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = ec2.describeInstanceTypes(r -> r.maxResults(7).nextToken(next));
            assertThat(page.instanceTypes()).hasSizeLessThanOrEqualTo(7);
            page.instanceTypes().forEach(t -> all.add(t.instanceTypeAsString()));
            token = page.nextToken();
        } while (token != null);
        assertThat(all).doesNotHaveDuplicates().contains("c5.large", "r5.24xlarge", "m6i.32xlarge", "t3a.nano")
                .hasSize(ec2.describeInstanceTypes(r -> {}).instanceTypes().size());
        assertAwsError(() -> ec2.describeInstanceTypes(r -> r.maxResults(101)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeInstanceTypes(r -> r.maxResults(4)), "InvalidParameterValue");
    }

    @Test
    void offerings_by_region_and_zone() {
        List<InstanceTypeOffering> inRegion = ec2.describeInstanceTypeOfferings(
                r -> r.filters(f -> f.name("instance-type").values("t3.nano"))).instanceTypeOfferings();
        assertThat(inRegion).singleElement().satisfies(o -> {
            assertThat(o.location()).isEqualTo("ap-northeast-1");
            assertThat(o.locationType()).isEqualTo(LocationType.REGION);
        });
        assertThat(ec2.describeInstanceTypeOfferings(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(f -> f.name("instance-type").values("t3.nano"))).instanceTypeOfferings())
                .extracting(InstanceTypeOffering::location)
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
    }
}
