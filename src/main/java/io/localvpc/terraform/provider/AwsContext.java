package io.localvpc.terraform.provider;

import java.net.URI;
import java.time.Duration;
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
    private volatile Ec2Client ec2;
    private volatile IamClient iam;
    private volatile StsClient sts;
    private volatile SsmClient ssm;
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
        Ec2Client client = ec2;
        if (client == null) {
            synchronized (this) {
                if (ec2 == null) {
                    ec2 = configure(Ec2Client.builder()).build();
                }
                client = ec2;
            }
        }
        return client;
    }

    public IamClient iam() {
        IamClient client = iam;
        if (client == null) {
            synchronized (this) {
                if (iam == null) {
                    // IAM is global: the provider signs it for us-east-1 whatever the region.
                    iam = configure(IamClient.builder()).region(Region.AWS_GLOBAL).build();
                }
                client = iam;
            }
        }
        return client;
    }

    public StsClient sts() {
        StsClient client = sts;
        if (client == null) {
            synchronized (this) {
                if (sts == null) {
                    sts = configure(StsClient.builder()).build();
                }
                client = sts;
            }
        }
        return client;
    }

    public SsmClient ssm() {
        SsmClient client = ssm;
        if (client == null) {
            synchronized (this) {
                if (ssm == null) {
                    ssm = configure(SsmClient.builder()).build();
                }
                client = ssm;
            }
        }
        return client;
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
        for (AutoCloseable client : new AutoCloseable[] {ec2, iam, sts, ssm}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // Closing clients at exit cannot fail in a way anyone could act on.
                }
            }
        }
        http.close();
    }
}
