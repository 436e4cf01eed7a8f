package io.localvpc.terraform.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.AwsProvider;
import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import io.localvpc.testing.LocalVpcServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Drives resource and data source types as the engine does, against a LocalVPC started for the
 * test class: configuration values become the proposed state (defaults applied, computed values
 * unknown or kept), plan, create, read, update, delete. Every test class of this package uses it,
 * as an instance extension: each test works in an account of its own, so VPC quotas and
 * leftovers of one test never meet another.
 *
 * <pre>{@code @RegisterExtension final ProviderHarness tf = new ProviderHarness(server);}</pre>
 */
final class ProviderHarness implements BeforeEachCallback, AfterEachCallback {
    private static final AtomicLong ACCOUNTS = new AtomicLong(100000000000L);

    /** The provider block's {@code default_tags}: every state's {@code tags_all} must carry them. */
    static final Map<String, String> DEFAULT_TAGS = Map.of("Environment", "test");

    private final AwsProvider provider = AwsProvider.create();
    private final LocalVpcServer server;
    private String account;
    private AwsContext aws;
    private Ec2Client ec2;

    ProviderHarness(LocalVpcServer server) {
        this.server = server;
    }

    /** A server whose pending resources are ready on the next read, for waiters that poll. */
    static LocalVpcServer server() {
        return new LocalVpcServer().withStateDelay(Duration.ZERO);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // A 12-digit access key is its own account.
        account = Long.toString(ACCOUNTS.incrementAndGet());
        aws = new AwsContext(server.localVpc().endpoint(), LocalVpcServer.REGION.id(), account, "secret", DEFAULT_TAGS);
        ec2 = server.ec2(account);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        aws.close();
        ec2.close();
    }

    AwsContext aws() {
        return aws;
    }

    /** The test's account id. */
    String account() {
        return account;
    }

    /** An SDK client in the test's account, for fixtures the test does not make through resource types. */
    Ec2Client ec2() {
        return ec2;
    }

    ResourceType resource(String type) {
        return provider.resource(type).orElseThrow(() -> new AssertionError("not registered: " + type));
    }

    DataSourceType dataSource(String type) {
        return provider.dataSource(type).orElseThrow(() -> new AssertionError("not registered: " + type));
    }

    /** {@code key, value, key, value …} as a configuration map (nulls allowed). */
    static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** A list value of a state, for assertions on its elements. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static BigDecimal num(long value) {
        return BigDecimal.valueOf(value);
    }

    /** The engine's proposed new state: settable values as configured (or defaulted), the rest from prior or unknown. */
    static Map<String, Object> proposed(Schema schema, Map<String, Object> config, Map<String, Object> prior) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : schema.attributes().values()) {
            Object configured = a.settable() ? config.get(a.name()) : null;
            if (configured == null && a.settable() && !a.computed()) {
                configured = a.defaultValue();
            }
            if (configured == null && a.computed()) {
                configured = prior == null ? Unknown.VALUE : prior.get(a.name());
            }
            out.put(a.name(), configured);
        }
        schema.blocks().values().forEach(b -> {
            Object configured = config.get(b.name());
            out.put(b.name(), configured != null ? configured
                    : b.computed() && prior != null ? prior.get(b.name()) : List.of());
        });
        return out;
    }

    /** Plans and creates a resource; asserts that reading it back gives the same state and that a second plan changes nothing. */
    Map<String, Object> create(String type, Map<String, Object> config) {
        ResourceType resource = resource(type);
        Map<String, Object> planned = resource.plan(aws(), null, proposed(resource.schema(), config, null));
        Map<String, Object> state = resource.create(aws(), planned);
        assertStable(type, config, state);
        return state;
    }

    /** Applies a changed configuration in place; asserts the new state round-trips too. */
    Map<String, Object> update(String type, Map<String, Object> prior, Map<String, Object> config) {
        ResourceType resource = resource(type);
        Map<String, Object> planned = resource.plan(aws(), prior, proposed(resource.schema(), config, prior));
        Map<String, Object> state = resource.update(aws(), prior, planned);
        assertStable(type, config, state);
        return state;
    }

    /** A refresh reads exactly the state, and a plan of the same configuration proposes it unchanged. */
    void assertStable(String type, Map<String, Object> config, Map<String, Object> state) {
        ResourceType resource = resource(type);
        assertThat(resource.read(aws(), state)).as("read after apply").contains(state);
        assertThat(state.keySet()).as("every schema attribute and block is in state")
                .containsAll(resource.schema().attributes().keySet())
                .containsAll(resource.schema().blocks().keySet());
        Map<String, Object> replanned = resource.plan(aws(), state, proposed(resource.schema(), config, state));
        assertThat(replanned).as("second plan: No changes").isEqualTo(state);
    }

    /** Deletes a resource and asserts that a refresh no longer finds it; a second delete is no error. */
    void delete(String type, Map<String, Object> state) {
        ResourceType resource = resource(type);
        resource.delete(aws(), state);
        assertThat(resource.read(aws(), state)).as("read after delete").isEmpty();
        resource.delete(aws(), state);
    }

    /** A VPC made through {@code aws_vpc}, the start of most tests' networks. */
    String vpc(String cidr) {
        return (String) create("aws_vpc", config("cidr_block", cidr)).get("id");
    }

    /** A subnet made through {@code aws_subnet} in the region's first zone. */
    String subnet(String vpcId, String cidr) {
        return (String) create("aws_subnet", config("vpc_id", vpcId, "cidr_block", cidr,
                "availability_zone", LocalVpcServer.REGION.id() + "a")).get("id");
    }

    /** An internet gateway attached to {@code vpcId}, made with the SDK (its own resource type has its own test). */
    String attachedInternetGateway(String vpcId) {
        String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        return igw;
    }

    Map<String, Object> read(String type, Map<String, Object> config) {
        DataSourceType data = dataSource(type);
        Map<String, Object> values = new LinkedHashMap<>();
        data.schema().attributes().keySet().forEach(name -> values.put(name, config.get(name)));
        data.schema().blocks().keySet().forEach(name -> values.put(name, config.getOrDefault(name, List.of())));
        Map<String, Object> result = data.read(aws(), values);
        assertThat(result.keySet()).containsAll(data.schema().attributes().keySet());
        return result;
    }

    /** Asserts that {@code call} fails as the provider reports it, and gives the summary for more checks. */
    static AbstractStringAssert<?> assertProviderError(ThrowableAssert.ThrowingCallable call) {
        ProviderException[] thrown = new ProviderException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class, e -> thrown[0] = e);
        return assertThat(thrown[0].summary());
    }

    static Map<String, Object> filter(String name, String... values) {
        return config("name", name, "values", List.of((Object[]) values));
    }
}
