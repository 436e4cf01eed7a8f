package io.localvpc.service.ec2.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.EbsInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.PlacementGroupInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;

/**
 * The instance types LocalVPC offers, read once from {@code catalogue/instance-types.csv}. The
 * file holds what differs per type; what follows from the family (burstable, hypervisor details)
 * is derived here.
 */
public final class InstanceTypes {

    /** One instance type's published specification. */
    public record Spec(
            String name,
            int vcpus,
            int threadsPerCore,
            int memoryMiB,
            String architecture,
            String networkPerformance,
            int maxNetworkInterfaces,
            int ipv4PerInterface,
            String hypervisor,
            boolean freeTierEligible) {

        public String family() {
            return name.substring(0, name.indexOf('.'));
        }

        /** The T families earn and spend CPU credits. */
        public boolean burstable() {
            return family().startsWith("t");
        }

        /** t2 launches with standard credits; the later T families with unlimited. */
        public String defaultCpuCredits() {
            return family().equals("t2") ? "standard" : "unlimited";
        }

        public boolean nitro() {
            return hypervisor.equals("nitro");
        }

        public int cores() {
            return vcpus / threadsPerCore;
        }

        /** Xen-era types also run 32-bit images, as AWS lists them. */
        public List<String> supportedArchitectures() {
            if (architecture.equals("x86_64") && !nitro()) {
                return List.of("i386", "x86_64");
            }
            return List.of(architecture);
        }

        public List<String> supportedBootModes() {
            if (architecture.equals("arm64")) {
                return List.of("uefi");
            }
            return nitro() ? List.of("legacy-bios", "uefi") : List.of("legacy-bios");
        }

        public String ebsOptimizedSupport() {
            return nitro() ? "default" : "unsupported";
        }

        public InstanceTypeInfo toSdk() {
            return InstanceTypeInfo.builder()
                    .instanceType(name)
                    .currentGeneration(true)
                    .freeTierEligible(freeTierEligible)
                    .supportedUsageClassesWithStrings("on-demand", "spot")
                    .supportedRootDeviceTypesWithStrings("ebs")
                    .supportedVirtualizationTypesWithStrings("hvm")
                    .bareMetal(false)
                    .hypervisor(hypervisor)
                    .processorInfo(ProcessorInfo.builder().supportedArchitecturesWithStrings(supportedArchitectures()).build())
                    .vCpuInfo(VCpuInfo.builder()
                            .defaultVCpus(vcpus)
                            .defaultCores(cores())
                            .defaultThreadsPerCore(threadsPerCore)
                            .build())
                    .memoryInfo(MemoryInfo.builder().sizeInMiB((long) memoryMiB).build())
                    .instanceStorageSupported(false)
                    .ebsInfo(EbsInfo.builder()
                            .ebsOptimizedSupport(ebsOptimizedSupport())
                            .encryptionSupport("supported")
                            .nvmeSupport(nitro() ? "required" : "unsupported")
                            .build())
                    .networkInfo(NetworkInfo.builder()
                            .networkPerformance(networkPerformance)
                            .maximumNetworkCards(1)
                            .defaultNetworkCardIndex(0)
                            .maximumNetworkInterfaces(maxNetworkInterfaces)
                            .ipv4AddressesPerInterface(ipv4PerInterface)
                            .ipv6AddressesPerInterface(ipv4PerInterface)
                            .ipv6Supported(true)
                            .enaSupport(nitro() ? "required" : "unsupported")
                            .efaSupported(false)
                            .encryptionInTransitSupported(false)
                            .build())
                    .placementGroupInfo(PlacementGroupInfo.builder()
                            .supportedStrategiesWithStrings(burstable() ? List.of("partition", "spread")
                                    : List.of("cluster", "partition", "spread"))
                            .build())
                    .hibernationSupported(true)
                    .burstablePerformanceSupported(burstable())
                    .dedicatedHostsSupported(!burstable())
                    .autoRecoverySupported(true)
                    .supportedBootModesWithStrings(supportedBootModes())
                    .build();
        }
    }

    private static final Map<String, Spec> ALL = load();

    private InstanceTypes() {}

    public static List<Spec> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Spec> find(String name) {
        return Optional.ofNullable(name == null ? null : ALL.get(name));
    }

    private static Map<String, Spec> load() {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (String[] row : readCsv("catalogue/instance-types.csv")) {
            Spec spec = new Spec(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), Integer.parseInt(row[3]),
                    row[4], row[5], Integer.parseInt(row[6]), Integer.parseInt(row[7]), row[8],
                    Boolean.parseBoolean(row[9]));
            specs.put(spec.name(), spec);
        }
        return specs;
    }

    /** The rows of a comma-separated catalogue file on the class path, comments and blanks skipped. */
    static List<String[]> readCsv(String resource) {
        var stream = InstanceTypes.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing catalogue " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
