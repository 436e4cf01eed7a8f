package io.localvpc.terraform.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What a resource type works with: SDK clients for the endpoint and region of this run (built on
 * first use, so a plan that touches no IAM resource never builds an IAM client), the provider's
 * {@code default_tags}, and a waiter that polls like the provider's {@code StateChangeConf}.
 * Thread-safe: the engine applies up to ten resources at once.
 */
public final class AwsContext implements AutoCloseable {
    /** How often waiters poll: short, because LocalVPC's state changes take about a second. */
    static final Duration POLL = Duration.ofMillis(100);

    private final URI endpoint;
    private final String region;
    private final AwsBasicCredentials credentials;
    private final Map<String, String> defaultTags;
    private final SdkHttpClient http;
    private final LazyClient<Ec2Client> ec2 = new LazyClient<>(() -> configure(Ec2Client.builder()).build());
    // IAM is global: the provider signs it for us-east-1 whatever the region.
    private final LazyClient<IamClient> iam = new LazyClient<>(() -> configure(IamClient.builder()).region(Region.AWS_GLOBAL).build());
    private final LazyClient<StsClient> sts = new LazyClient<>(() -> configure(StsClient.builder()).build());
    private final LazyClient<SsmClient> ssm = new LazyClient<>(() -> configure(SsmClient.builder()).build());
    private volatile String accountId;

    public AwsContext(URI endpoint, String region, String accessKeyId, String secretAccessKey, Map<String, String> defaultTags) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = AwsBasicCredentials.create(accessKeyId, secretAccessKey);
        this.defaultTags = Map.copyOf(defaultTags);
        this.http = UrlConnectionHttpClient.builder().build();
    }

    public String region() {
        return region;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The provider block's {@code default_tags { tags = … }}, merged under each resource's own tags into {@code tags_all}. */
    public Map<String, String> defaultTags() {
        return defaultTags;
    }

    /**
     * The account the credentials belong to, asked of STS once ({@code GetCallerIdentity}, as the
     * provider does when it is configured); ARNs the provider builds itself carry it.
     */
    public String accountId() {
        String account = accountId;
        if (account == null) {
            account = sts().getCallerIdentity(r -> {}).account();
            accountId = account;
        }
        return account;
    }

    public Ec2Client ec2() {
        return ec2.get();
    }

    public IamClient iam() {
        return iam.get();
    }

    public StsClient sts() {
        return sts.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    /** A client built on first use (once, whichever thread asks first) and closed with the context if it was built. */
    private static final class LazyClient<C extends AutoCloseable> {
        private final Supplier<C> build;
        private volatile C client;

        LazyClient(Supplier<C> build) {
            this.build = build;
        }

        C get() {
            C built = client;
            if (built == null) {
                synchronized (this) {
                    if (client == null) {
                        client = build.get();
                    }
                    built = client;
                }
            }
            return built;
        }

        void close() {
            C built = client;
            if (built != null) {
                try {
                    built.close();
                } catch (Exception e) {
                    // Closing clients at exit cannot fail in a way anyone could act on.
                }
            }
        }
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new OperationNamedErrors()).build());
    }

    /**
     * Polls {@code check} until it answers a value, as the provider's waiters do, and fails with
     * {@code timeout while waiting for <what>} once {@code timeout} has passed.
     */
    public <T> T await(String what, Duration timeout, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> done = check.get();
            if (done.isPresent()) {
                return done.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ProviderException("timeout while waiting for " + what + " (timeout: " + timeout.toSeconds() + "s)");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("interrupted while waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        for (LazyClient<?> client : List.of(ec2, iam, sts, ssm)) {
            client.close();
        }
        http.close();
    }
}
