package io.localvpc.terraform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.config.Lifecycle;
import io.localvpc.terraform.engine.Proposal;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.testing.LocalVpcServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Drives resource and data source types as the Terraform engine does, for tests: the proposed
 * state and the no-op / update / replace decision come from the engine's own {@link Proposal}, so
 * the tests exercise the real planner; then plan, create, read, update, delete. Creates and updates
 * assert that a refresh reads the state back and that a second plan of the same configuration
 * changes nothing; deletes assert the resource is gone and that deleting again is no error.
 *
 * <p>Two ways to hold it: built once for a class ({@code new ProviderHarness(server)}, the default
 * account), or registered per test ({@code @RegisterExtension final ProviderHarness tf =
 * ProviderHarness.accountPerTest(server);}), where each test works in an account of its own so VPC
 * quotas and leftovers of one test never meet another.
 */
public final class ProviderHarness implements BeforeEachCallback, AfterEachCallback {
    public static final String REGION = LocalVpcServer.REGION.id();

    /** The provider block's {@code default_tags} of per-test accounts: every state's {@code tags_all} must carry them. */
    public static final Map<String, String> DEFAULT_TAGS = Map.of("Environment", "test");

    private static final AtomicLong ACCOUNTS = new AtomicLong(100000000000L);

    private final AwsProvider provider = AwsProvider.create();
    private final LocalVpcServer perTestServer;
    private AwsContext aws;

    /** The default account (000000000000), no default tags. */
    public ProviderHarness(LocalVpcServer server) {
        this(server, Map.of());
    }

    /** The default account with the provider block's {@code default_tags}. */
    public ProviderHarness(LocalVpcServer server, Map<String, String> defaultTags) {
        this(new AwsContext(server.localVpc().endpoint(), REGION, "test", "test", defaultTags));
    }

    /** Over a context the test made itself. */
    public ProviderHarness(AwsContext aws) {
        this.aws = aws;
        this.perTestServer = null;
    }

    private ProviderHarness(LocalVpcServer perTestServer, boolean perTest) {
        this.perTestServer = perTestServer;
    }

    /** To register as an instance extension: every test gets a fresh account with {@link #DEFAULT_TAGS}. */
    public static ProviderHarness accountPerTest(LocalVpcServer server) {
        return new ProviderHarness(server, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTestServer != null) {
            // A 12-digit access key is its own account.
            String account = Long.toString(ACCOUNTS.incrementAndGet());
            aws = new AwsContext(perTestServer.localVpc().endpoint(), REGION, account, "secret", DEFAULT_TAGS);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTestServer != null) {
            aws.close();
        }
    }

    /** A server whose pending resources are ready on the next read, for waiters that poll. */
    public static LocalVpcServer server() {
        return new LocalVpcServer().withStateDelay(Duration.ZERO);
    }

    public AwsContext aws() {
        return aws;
    }

    /** The account the harness works in. */
    public String account() {
        return aws.accountId();
    }

    /** An SDK client in the harness's account, for fixtures a test does not make through resource types. */
    public Ec2Client ec2() {
        return aws.ec2();
    }

    public ResourceType resource(String type) {
        return provider.resource(type).orElseThrow(() -> new AssertionError("not registered: " + type));
    }

    public DataSourceType dataSource(String type) {
        return provider.dataSource(type).orElseThrow(() -> new AssertionError("not registered: " + type));
    }

    /** {@code name, value, name, value …} as a configuration map (nulls allowed). */
    public static Map<String, Object> config(Object... namesAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            config.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return config;
    }

    /** A list value of a state, for assertions on its elements. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    public static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }

    public static Map<String, Object> filter(String name, String... values) {
        return config("name", name, "values", List.of((Object[]) values));
    }

    /** Asserts that {@code call} fails as the provider reports it, and gives the summary for more checks. */
    public static AbstractStringAssert<?> assertProviderError(ThrowableAssert.ThrowingCallable call) {
        ProviderException[] thrown = new ProviderException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class, e -> thrown[0] = e);
        return assertThat(thrown[0].summary());
    }

    /** The engine's proposed new state for {@code config} over {@code prior} (null for a new resource). */
    public static Map<String, Object> proposed(Schema schema, Map<String, Object> config, Map<String, Object> prior) {
        return Proposal.proposed(schema, decoded(schema, config), prior, Lifecycle.DEFAULT);
    }

    /** A configuration as the engine's decoder hands it over: a block left out is an empty list, at every depth. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> decoded(Schema schema, Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>(config);
        for (NestedBlock block : schema.blocks().values()) {
            Object configured = config.get(block.name());
            out.put(block.name(), configured instanceof List<?> elements
                    ? elements.stream().map(e -> (Object) decoded(block.schema(), (Map<String, Object>) e)).toList()
                    : configured == null ? List.of() : configured);
        }
        return out;
    }

    /** The plan for {@code config} over {@code prior}, as {@code terraform plan} asks the provider for it. */
    public Map<String, Object> plan(ResourceType type, Map<String, Object> prior, Map<String, Object> config) {
        return type.plan(aws, prior, proposed(type.schema(), config, prior));
    }

    /** Plans and creates, as {@code terraform apply} does for a new resource; asserts the state is stable. */
    public Map<String, Object> create(ResourceType type, Map<String, Object> config) {
        Map<String, Object> state = type.create(aws, plan(type, null, config));
        assertStable(type, config, state);
        return state;
    }

    public Map<String, Object> create(String type, Map<String, Object> config) {
        return create(resource(type), config);
    }

    /** Applies a changed configuration in place (after checking the engine would not replace); asserts the state is stable. */
    public Map<String, Object> update(ResourceType type, Map<String, Object> prior, Map<String, Object> config) {
        Map<String, Object> planned = plan(type, prior, config);
        Proposal.Decision decision = Proposal.decide(type.schema(), prior, planned, Lifecycle.DEFAULT);
        assertThat(decision.action().isReplace()).as("the plan replaces %s: %s", type.typeName(), decision.forcing()).isFalse();
        Map<String, Object> state = type.update(aws, prior, planned);
        assertStable(type, config, state);
        return state;
    }

    public Map<String, Object> update(String type, Map<String, Object> prior, Map<String, Object> config) {
        return update(resource(type), prior, config);
    }

    /** A refresh reads exactly the state, and a plan of the same configuration proposes it unchanged. */
    public void assertStable(ResourceType type, Map<String, Object> config, Map<String, Object> state) {
        assertThat(type.read(aws, state)).as("read after apply").contains(state);
        assertThat(state.keySet()).as("every schema attribute and block is in state")
                .containsAll(type.schema().attributes().keySet())
                .containsAll(type.schema().blocks().keySet());
        assertThat(plan(type, state, config)).as("second plan: No changes").isEqualTo(state);
    }

    public void assertStable(String type, Map<String, Object> config, Map<String, Object> state) {
        assertStable(resource(type), config, state);
    }

    /** Refreshes, then plans: what the engine would do to the resource for {@code config}. */
    public Proposal.Decision decide(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        Map<String, Object> refreshed = refresh(type, state).orElseThrow(() -> new AssertionError("resource is gone"));
        return Proposal.decide(type.schema(), refreshed, plan(type, refreshed, config), Lifecycle.DEFAULT);
    }

    /** The attributes that would change (empty means "No changes"). */
    public Set<String> changes(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        return decide(type, state, config).changed();
    }

    /** Whether applying {@code config} would replace the resource rather than update it. */
    public boolean replaces(ResourceType type, Map<String, Object> state, Map<String, Object> config) {
        return decide(type, state, config).action().isReplace();
    }

    public Optional<Map<String, Object>> refresh(ResourceType type, Map<String, Object> state) {
        return type.read(aws, state);
    }

    /** Deletes a resource and asserts that a refresh no longer finds it; a second delete is no error. */
    public void delete(ResourceType type, Map<String, Object> state) {
        type.delete(aws, state);
        assertThat(type.read(aws, state)).as("read after delete").isEmpty();
        type.delete(aws, state);
    }

    public void delete(String type, Map<String, Object> state) {
        delete(resource(type), state);
    }

    /** Reads a data source; asserts every schema attribute is in the result. */
    public Map<String, Object> read(String type, Map<String, Object> config) {
        DataSourceType data = dataSource(type);
        Map<String, Object> values = new LinkedHashMap<>();
        data.schema().attributes().keySet().forEach(name -> values.put(name, config.get(name)));
        data.schema().blocks().keySet().forEach(name -> values.put(name, config.getOrDefault(name, List.of())));
        Map<String, Object> result = data.read(aws, values);
        assertThat(result.keySet()).containsAll(data.schema().attributes().keySet());
        return result;
    }

    /** A VPC made through {@code aws_vpc}, the start of most tests' networks. */
    public String vpc(String cidr) {
        return (String) create("aws_vpc", config("cidr_block", cidr)).get("id");
    }

    /** A subnet made through {@code aws_subnet} in the region's first zone. */
    public String subnet(String vpcId, String cidr) {
        return (String) create("aws_subnet", config("vpc_id", vpcId, "cidr_block", cidr,
                "availability_zone", REGION + "a")).get("id");
    }

    /** An internet gateway attached to {@code vpcId}, made with the SDK (its own resource type has its own test). */
    public String attachedInternetGateway(String vpcId) {
        String igw = ec2().createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        return igw;
    }
}
