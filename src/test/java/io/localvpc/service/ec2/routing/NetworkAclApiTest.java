package io.localvpc.service.ec2.routing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class NetworkAclApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 400000000;

    private String account;
    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;

    @BeforeEach
    void freshVpc() {
        account = String.format("%012d", ++accounts);
        ec2 = server.ec2(account);
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
    }

    private NetworkAcl describe(String id) {
        return ec2.describeNetworkAcls(r -> r.networkAclIds(id)).networkAcls().get(0);
    }

    private NetworkAcl defaultAcl() {
        return ec2.describeNetworkAcls(r -> r.filters(filter("default", "true"), filter("vpc-id", vpcId)))
                .networkAcls().get(0);
    }

    private List<String> ids(Filter... filters) {
        return ec2.describeNetworkAcls(r -> r.filters(filters)).networkAcls().stream().map(NetworkAcl::networkAclId).toList();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static String rule(NetworkAclEntry e) {
        return (e.egress() ? "out " : "in ") + e.ruleNumber() + " " + e.protocol() + " " + e.ruleActionAsString() + " "
                + e.cidrBlock();
    }

    @Test
    void the_default_acl_allows_everything_and_holds_every_subnet() {
        NetworkAcl acl = defaultAcl();
        assertThat(acl.networkAclId()).matches("acl-[0-9a-f]{17}");
        assertThat(acl.isDefault()).isTrue();
        assertThat(acl.vpcId()).isEqualTo(vpcId);
        assertThat(acl.ownerId()).isEqualTo(account);
        assertThat(acl.entries()).extracting(NetworkAclApiTest::rule).containsExactly(
                "out 100 -1 allow 0.0.0.0/0",
                "out 32767 -1 deny 0.0.0.0/0",
                "in 100 -1 allow 0.0.0.0/0",
                "in 32767 -1 deny 0.0.0.0/0");
        assertThat(acl.associations()).singleElement().satisfies(a -> {
            assertThat(a.networkAclAssociationId()).matches("aclassoc-[0-9a-f]{17}");
            assertThat(a.networkAclId()).isEqualTo(acl.networkAclId());
            assertThat(a.subnetId()).isEqualTo(subnetId);
        });
    }

    @Test
    void a_custom_acl_denies_everything() {
        NetworkAcl acl = ec2.createNetworkAcl(r -> r.vpcId(vpcId).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.NETWORK_ACL).tags(Tag.builder().key("Name").value("db").build()).build()))
                .networkAcl();
        assertThat(acl.isDefault()).isFalse();
        assertThat(acl.associations()).isEmpty();
        assertThat(acl.tags()).containsExactly(Tag.builder().key("Name").value("db").build());
        assertThat(acl.entries()).extracting(NetworkAclApiTest::rule)
                .containsExactly("out 32767 -1 deny 0.0.0.0/0", "in 32767 -1 deny 0.0.0.0/0");
        assertThat(describe(acl.networkAclId())).isEqualTo(acl);
        assertAwsError(() -> ec2.createNetworkAcl(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertAwsError(() -> ec2.createNetworkAcl(r -> {}), "MissingParameter");
    }

    @Test
    void client_token_makes_create_idempotent() {
        String first = ec2.createNetworkAcl(r -> r.vpcId(vpcId).clientToken("t-1")).networkAcl().networkAclId();
        String again = ec2.createNetworkAcl(r -> r.vpcId(vpcId).clientToken("t-1")).networkAcl().networkAclId();
        assertThat(again).isEqualTo(first);
        assertThat(ids(filter("vpc-id", vpcId))).hasSize(2);
    }

    @Test
    void entries_create_replace_delete() {
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0").portRange(PortRange.builder().from(443).to(443).build()));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(110).protocol("17").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("10.0.0.0/16").portRange(PortRange.builder().from(1024).to(65535).build()));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(90).protocol("1").ruleAction(RuleAction.DENY)
                .egress(false).cidrBlock("192.0.2.0/24").icmpTypeCode(IcmpTypeCode.builder().type(8).code(-1).build()));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(true).cidrBlock("0.0.0.0/0"));

        NetworkAcl acl = describe(aclId);
        assertThat(acl.entries()).extracting(NetworkAclApiTest::rule).containsExactly(
                "out 100 -1 allow 0.0.0.0/0",
                "out 32767 -1 deny 0.0.0.0/0",
                "in 90 1 deny 192.0.2.0/24",
                "in 100 6 allow 0.0.0.0/0",
                "in 110 17 allow 10.0.0.0/16",
                "in 32767 -1 deny 0.0.0.0/0");
        NetworkAclEntry https = acl.entries().get(3);
        assertThat(https.portRange().from()).isEqualTo(443);
        assertThat(https.portRange().to()).isEqualTo(443);
        assertThat(https.icmpTypeCode()).isNull();
        NetworkAclEntry ping = acl.entries().get(2);
        assertThat(ping.icmpTypeCode().type()).isEqualTo(8);
        assertThat(ping.icmpTypeCode().code()).isEqualTo(-1);
        assertThat(ping.portRange()).isNull();
        assertThat(acl.entries().get(0).portRange()).isNull();

        var duplicate = assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100)
                .protocol("-1").ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")),
                "NetworkAclEntryAlreadyExists");
        assertThat(duplicate.awsErrorDetails().errorMessage())
                .isEqualTo("The network acl entry identified by 100 already exists.");

        ec2.replaceNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("6").ruleAction(RuleAction.DENY)
                .egress(false).cidrBlock("0.0.0.0/0").portRange(PortRange.builder().from(22).to(22).build()));
        NetworkAclEntry replaced = describe(aclId).entries().get(3);
        assertThat(rule(replaced)).isEqualTo("in 100 6 deny 0.0.0.0/0");
        assertThat(replaced.portRange().from()).isEqualTo(22);
        var notThere = assertAwsError(() -> ec2.replaceNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(120)
                .protocol("-1").ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")),
                "InvalidNetworkAclEntry.NotFound");
        assertThat(notThere.awsErrorDetails().errorMessage()).isEqualTo("no ingress entry with number 120");

        ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).egress(false));
        assertThat(describe(aclId).entries()).extracting(NetworkAclApiTest::rule).doesNotContain("in 100 6 deny 0.0.0.0/0");
        var gone = assertAwsError(() -> ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).egress(false)),
                "InvalidNetworkAclEntry.NotFound");
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("no ingress entry with number 100");
        // The egress rule with the same number is another entry.
        ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).egress(true));
        assertAwsError(() -> ec2.deleteNetworkAclEntry(r -> r.networkAclId("acl-0123456789abcdef0").ruleNumber(100)
                .egress(true)), "InvalidNetworkAclID.NotFound");
    }

    @Test
    void entry_validation() {
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        for (int number : new int[] {0, 32767, 40000}) {
            assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(number).protocol("-1")
                    .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")), "InvalidParameterValue");
        }
        assertAwsError(() -> ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(32767).egress(false)),
                "InvalidParameterValue");
        // TCP and UDP need a port range, ICMP a type and code.
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("6")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")), "MissingParameter");
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("1")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")), "MissingParameter");
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("6")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")
                .portRange(PortRange.builder().from(80).to(70000).build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("banana")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("-1")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("10.0.0.0/33")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("-1")
                .ruleAction(RuleAction.ALLOW).egress(false)), "MissingParameter");
        // Other protocols need neither; names are stored as numbers.
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(1).protocol("50")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0"));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(2).protocol("tcp")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")
                .portRange(PortRange.builder().from(80).to(80).build()));
        assertThat(describe(aclId).entries()).extracting(NetworkAclEntry::protocol).containsExactly("-1", "50", "6", "-1");
    }

    @Test
    void at_most_twenty_rules_per_direction() {
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(n).protocol("-1")
                    .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0"));
        }
        assertAwsError(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(21).protocol("-1")
                .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")), "NetworkAclEntryLimitExceeded");
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(21).protocol("-1")
                .ruleAction(RuleAction.ALLOW).egress(true).cidrBlock("0.0.0.0/0"));
    }

    @Test
    void replace_association_moves_a_subnet_and_deletion_needs_it_moved_back() {
        NetworkAcl original = defaultAcl();
        String oldAssoc = original.associations().get(0).networkAclAssociationId();
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();

        String newAssoc = ec2.replaceNetworkAclAssociation(r -> r.associationId(oldAssoc).networkAclId(aclId))
                .newAssociationId();
        assertThat(newAssoc).matches("aclassoc-[0-9a-f]{17}").isNotEqualTo(oldAssoc);
        assertThat(describe(aclId).associations()).singleElement().satisfies(a -> {
            assertThat(a.networkAclAssociationId()).isEqualTo(newAssoc);
            assertThat(a.subnetId()).isEqualTo(subnetId);
            assertThat(a.networkAclId()).isEqualTo(aclId);
        });
        assertThat(defaultAcl().associations()).isEmpty();
        assertAwsError(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(oldAssoc).networkAclId(aclId)),
                "InvalidAssociationID.NotFound");

        var inUse = assertAwsError(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(aclId)), "DependencyViolation");
        assertThat(inUse.awsErrorDetails().errorMessage())
                .isEqualTo("The networkAcl '" + aclId + "' has dependencies and cannot be deleted.");
        String back = ec2.replaceNetworkAclAssociation(r -> r.associationId(newAssoc)
                .networkAclId(original.networkAclId())).newAssociationId();
        assertThat(defaultAcl().associations()).extracting(a -> a.networkAclAssociationId()).containsExactly(back);
        ec2.deleteNetworkAcl(r -> r.networkAclId(aclId));
        assertAwsError(() -> ec2.describeNetworkAcls(r -> r.networkAclIds(aclId)), "InvalidNetworkAclID.NotFound");
        assertAwsError(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(aclId)), "InvalidNetworkAclID.NotFound");

        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreign = ec2.createNetworkAcl(r -> r.vpcId(otherVpc)).networkAcl().networkAclId();
        assertAwsError(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(back).networkAclId(foreign)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(back)
                .networkAclId("acl-0123456789abcdef0")), "InvalidNetworkAclID.NotFound");
    }

    @Test
    void the_default_acl_cannot_be_deleted() {
        String id = defaultAcl().networkAclId();
        var error = assertAwsError(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(id)), "InvalidParameterValue");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("cannot delete default network ACL " + id);
    }

    @Test
    void a_vpc_with_a_custom_acl_cannot_be_deleted_but_its_default_acl_goes_with_it() {
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        String defaultId = defaultAcl().networkAclId();
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertThat(describe(defaultId).associations()).isEmpty();
        assertAwsError(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");
        ec2.deleteNetworkAcl(r -> r.networkAclId(aclId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertAwsError(() -> ec2.describeNetworkAcls(r -> r.networkAclIds(defaultId)), "InvalidNetworkAclID.NotFound");
    }

    @Test
    void describe_filters() {
        String defaultId = defaultAcl().networkAclId();
        String assocId = defaultAcl().associations().get(0).networkAclAssociationId();
        String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.NETWORK_ACL).tags(Tag.builder().key("tier").value("db").build()).build()))
                .networkAcl().networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(200).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(true).cidrBlock("10.0.0.0/16").portRange(PortRange.builder().from(5432).to(5432).build()));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(210).protocol("1").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("10.0.0.0/16").icmpTypeCode(IcmpTypeCode.builder().type(0).code(0).build()));

        assertThat(ids(filter("vpc-id", vpcId))).containsExactlyInAnyOrder(defaultId, aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("default", "false"))).containsExactly(aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("default", "true"))).containsExactly(defaultId);
        assertThat(ids(filter("network-acl-id", aclId))).containsExactly(aclId);
        assertThat(ids(filter("owner-id", account), filter("vpc-id", vpcId))).hasSize(2);
        assertThat(ids(filter("association.association-id", assocId))).containsExactly(defaultId);
        assertThat(ids(filter("association.subnet-id", subnetId))).containsExactly(defaultId);
        assertThat(ids(filter("association.network-acl-id", defaultId))).containsExactly(defaultId);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.rule-number", "200"))).containsExactly(aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.rule-number", "32767"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.action", "allow"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.cidr", "10.0.0.0/16"))).containsExactly(aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.egress", "true"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.protocol", "6"))).containsExactly(aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.port-range.from", "5432"))).containsExactly(aclId);
        assertThat(ids(filter("vpc-id", vpcId), filter("entry.icmp.type", "0"))).containsExactly(aclId);
        assertThat(ids(filter("tag:tier", "db"))).containsExactly(aclId);
        assertAwsError(() -> ec2.describeNetworkAcls(r -> r.filters(filter("entry.bogus", "1"))), "InvalidParameterValue");
    }

    @Test
    void describe_pages() {
        for (int i = 0; i < 6; i++) {
            ec2.createNetworkAcl(r -> r.vpcId(vpcId));
        }
        int total = ec2.describeNetworkAcls().networkAcls().size();
        assertThat(total).isEqualTo(8); // default VPC's, this VPC's default, and six custom
        var first = ec2.describeNetworkAcls(r -> r.maxResults(5));
        assertThat(first.networkAcls()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        assertThat(ec2.describeNetworkAclsPaginator(DescribeNetworkAclsRequest.builder().maxResults(5).build())
                .networkAcls().stream().toList()).hasSize(8).doesNotHaveDuplicates();
        assertAwsError(() -> ec2.describeNetworkAcls(r -> r.maxResults(101)), "InvalidParameterValue");
    }
}
