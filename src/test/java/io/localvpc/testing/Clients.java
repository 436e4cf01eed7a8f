package io.localvpc.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;

/** Real AWS SDK clients pointed at any LocalVPC endpoint; the access key selects the account. */
public final class Clients {
    private Clients() {}

    /** Points any SDK client builder at LocalVPC with a static key and the light URL-connection client. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedAt(
            B builder, URI endpoint, Region region, String accessKey) {
        return builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static Ec2Client ec2(URI endpoint, Region region, String accessKey) {
        return pointedAt(Ec2Client.builder(), endpoint, region, accessKey);
    }

    public static IamClient iam(URI endpoint, String accessKey) {
        return pointedAt(IamClient.builder(), endpoint, Region.AWS_GLOBAL, accessKey);
    }
}
