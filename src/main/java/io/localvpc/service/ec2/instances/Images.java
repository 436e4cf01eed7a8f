package io.localvpc.service.ec2.instances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * Amazon's public images, read once from {@code catalogue/images.csv} and present in every
 * region. An image's id (and its snapshot's) is derived from the region and the name, so it is
 * the same on every start and differs between regions, as AMI ids do.
 */
public final class Images {
    public static final String AMAZON_OWNER_ID = "137112412989";
    public static final String AMAZON_ALIAS = "amazon";
    public static final String ROOT_DEVICE = "/dev/xvda";

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** What an image's name prefix says about the rest of it. */
    enum Family {
        AMAZON_LINUX_2("amzn2-ami-hvm-", Pattern.compile("amzn2-ami-hvm-([0-9.]+)-.*"), "gp2", "Amazon Linux 2 AMI %s %s HVM gp2", null),
        AMAZON_LINUX_2023("al2023-ami-", Pattern.compile("al2023-ami-([0-9.]+)-kernel-.*"), "gp3",
                "Amazon Linux 2023 AMI %s %s HVM kernel-6.1", "v2.0");

        final String prefix;
        final Pattern version;
        final String volumeType;
        final String description;
        final String imdsSupport;

        Family(String prefix, Pattern version, String volumeType, String description, String imdsSupport) {
            this.prefix = prefix;
            this.version = version;
            this.volumeType = volumeType;
            this.description = description;
            this.imdsSupport = imdsSupport;
        }

        static Family of(String name) {
            for (Family family : values()) {
                if (name.startsWith(family.prefix)) {
                    return family;
                }
            }
            throw new IllegalStateException("no image family for " + name);
        }

        /** AL2's x86 images boot the legacy BIOS way (no boot mode shown); AL2023's prefer UEFI. */
        String bootMode(String architecture) {
            if (architecture.equals("arm64")) {
                return "uefi";
            }
            return this == AMAZON_LINUX_2023 ? "uefi-preferred" : null;
        }
    }

    /** One image of one region. */
    public record CatalogueImage(
            String id, String name, String architecture, Instant creationDate, String snapshotId, Family family) {

        public static final int VOLUME_SIZE_GIB = 8;

        /** A public image is deprecated two years after its release. */
        public Instant deprecationTime() {
            return creationDate.atZone(ZoneOffset.UTC).plusYears(2).toInstant();
        }

        public boolean deprecatedAt(Instant now) {
            return !now.isBefore(deprecationTime());
        }

        public String volumeType() {
            return family.volumeType;
        }

        /** "v2.0" (instances launch with IMDSv2 required) or null. */
        public String imdsSupport() {
            return family.imdsSupport;
        }

        /** The release of Amazon Linux the image carries, as its os-release VERSION_ID says: "2" or "2023". */
        public String osVersion() {
            return family == Family.AMAZON_LINUX_2023 ? "2023" : "2";
        }

        public String bootMode() {
            return family.bootMode(architecture);
        }

        public String description() {
            Matcher m = family.version.matcher(name);
            return String.format(family.description, m.matches() ? m.group(1) : "", architecture);
        }

        public Image toSdk() {
            return Image.builder()
                    .imageId(id)
                    .name(name)
                    .description(description())
                    .imageLocation(AMAZON_ALIAS + "/" + name)
                    .imageOwnerAlias(AMAZON_ALIAS)
                    .ownerId(AMAZON_OWNER_ID)
                    .creationDate(ISO_MILLIS.format(creationDate))
                    .deprecationTime(ISO_MILLIS.format(deprecationTime()))
                    .architecture(architecture)
                    .imageType("machine")
                    .publicLaunchPermissions(true)
                    .state("available")
                    .rootDeviceName(ROOT_DEVICE)
                    .rootDeviceType("ebs")
                    .virtualizationType("hvm")
                    .hypervisor("xen")
                    .enaSupport(true)
                    .sriovNetSupport("simple")
                    .platformDetails("Linux/UNIX")
                    .usageOperation("RunInstances")
                    .bootMode(bootMode())
                    .imdsSupport(imdsSupport())
                    .blockDeviceMappings(BlockDeviceMapping.builder()
                            .deviceName(ROOT_DEVICE)
                            .ebs(EbsBlockDevice.builder()
                                    .snapshotId(snapshotId)
                                    .volumeSize(VOLUME_SIZE_GIB)
                                    .volumeType(volumeType())
                                    .deleteOnTermination(true)
                                    .encrypted(false)
                                    .iops(volumeType().equals("gp3") ? 3000 : null)
                                    .throughput(volumeType().equals("gp3") ? 125 : null)
                                    .build())
                            .build())
                    .tags(List.of())
                    .build();
        }
    }

    private record Release(String name, String architecture, Instant creationDate) {}

    private static final List<Release> RELEASES = InstanceTypes.readCsv("catalogue/images.csv").stream()
            .map(row -> new Release(row[0], row[1], Instant.parse(row[2])))
            .toList();

    private static final Map<String, List<CatalogueImage>> BY_REGION = new ConcurrentHashMap<>();

    private Images() {}

    /** The catalogue's images as they are in {@code region}. */
    public static List<CatalogueImage> of(String region) {
        return BY_REGION.computeIfAbsent(region, r -> RELEASES.stream()
                .map(release -> new CatalogueImage(
                        "ami-" + digest(r + "/" + release.name()),
                        release.name(),
                        release.architecture(),
                        release.creationDate(),
                        "snap-" + digest("snapshot/" + r + "/" + release.name()),
                        Family.of(release.name())))
                .toList());
    }

    public static Optional<CatalogueImage> find(String region, String imageId) {
        return of(region).stream().filter(i -> i.id().equals(imageId)).findFirst();
    }

    /** Both EC2 id lengths: the old 8 hex digits and the current 17. */
    public static boolean wellFormedId(String id) {
        return id != null && id.matches("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
