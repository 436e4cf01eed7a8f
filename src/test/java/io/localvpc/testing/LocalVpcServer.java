package io.localvpc.testing;

import io.localvpc.LocalVpc;
import io.localvpc.LocalVpcConfig;
import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.time.SimClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A LocalVPC started for one test class on an ephemeral port, in memory, with a frozen clock the
 * test moves by hand; and real AWS SDK clients pointed at it.
 *
 * <pre>{@code @RegisterExtension static final LocalVpcServer server = new LocalVpcServer();}</pre>
 */
public final class LocalVpcServer implements BeforeAllCallback, AfterAllCallback {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final Region REGION = Region.AP_NORTHEAST_1;

    private final SimClock clock = SimClock.frozenAt(START);
    private Path dataDir;
    private Timings timings = Timings.DEFAULT;
    private LocalVpc localVpc;

    /** Keeps state in {@code dir} instead of memory (for restart tests). */
    public LocalVpcServer persistedIn(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /**
     * Makes pending resources (NAT gateways, instances, endpoints) ready after {@code delay} of
     * simulated time; {@code Duration.ZERO} makes them ready on the next read, for clients such as
     * the Terraform engine's waiters that poll without anyone moving the frozen clock.
     */
    public LocalVpcServer withStateDelay(Duration delay) {
        this.timings = Timings.withStateChange(delay);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() {
        localVpc = LocalVpc.start(new LocalVpcConfig("127.0.0.1", 0, dataDir, clock, timings, Quotas.DEFAULT));
    }

    public void stop() {
        if (localVpc != null) {
            localVpc.close();
            localVpc = null;
        }
    }

    public LocalVpc localVpc() {
        return localVpc;
    }

    public SimClock clock() {
        return clock;
    }

    /** Moves simulated time on, e.g. past a NAT gateway's pending period. */
    public void advance(Duration by) {
        clock.advance(by);
    }

    public Ec2Client ec2() {
        return ec2("test");
    }

    /** An EC2 client whose access key selects the account (12 digits: that account). */
    public Ec2Client ec2(String accessKey) {
        return Clients.ec2(localVpc.endpoint(), REGION, accessKey);
    }

    public IamClient iam() {
        return iam("test");
    }

    public IamClient iam(String accessKey) {
        return Clients.iam(localVpc.endpoint(), accessKey);
    }

    public StsClient sts(String accessKey) {
        return Clients.pointedAt(StsClient.builder(), localVpc.endpoint(), REGION, accessKey);
    }

    public SsmClient ssm() {
        return ssm("test");
    }

    public SsmClient ssm(String accessKey) {
        return Clients.pointedAt(SsmClient.builder(), localVpc.endpoint(), REGION, accessKey);
    }
}
