package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * API failures worded as the AWS provider words them, e.g. {@code creating EC2 VPC: operation
 * error EC2: CreateVpc, https response error StatusCode: 400, RequestID: 1234, api error
 * InvalidVpcRange: The CIDR '10.0.0.0/33' is invalid.}
 */
public final class Errors {
    private Errors() {}

    /** Runs an API call; a failure becomes a {@link ProviderException} whose summary starts with {@code doing}. */
    public static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw new ProviderException(doing + ": " + describe(e), null, e);
        } catch (SdkException e) {
            throw new ProviderException(doing + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Runs a read; a service error whose code is one of {@code notFoundCodes} (e.g.
     * {@code InvalidVpcID.NotFound}) answers empty, as the provider's finders do.
     */
    public static <T> Optional<T> find(String doing, Set<String> notFoundCodes, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ProviderException e) {
            // A nested call already worded its failure; a not-found underneath still means "gone".
            if (notFoundCodes.contains(code(e))) {
                return Optional.empty();
            }
            throw e;
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && notFoundCodes.contains(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw new ProviderException(doing + ": " + describe(e), null, e);
        } catch (SdkException e) {
            throw new ProviderException(doing + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Repeats {@code call} while it fails in a way {@code retryable} accepts (e.g. IAM's "not yet
     * visible" answers, a group still in use, {@code DependencyViolation} while a dependent resource
     * is going away), as the provider's {@code tfresource.RetryWhen} does, for up to {@code timeout};
     * past it the last failure stands, as the provider reports it, rather than a bare timeout.
     */
    public static <T> T retrying(AwsContext aws, Duration timeout, Predicate<ProviderException> retryable, Supplier<T> call) {
        ProviderException[] last = new ProviderException[1];
        ProviderException[] fatal = new ProviderException[1];
        try {
            return aws.await("retry", timeout, () -> {
                try {
                    return Optional.of(call.get());
                } catch (ProviderException e) {
                    if (!retryable.test(e)) {
                        fatal[0] = e;
                        throw e;
                    }
                    last[0] = e;
                    return Optional.empty();
                }
            });
        } catch (ProviderException e) {
            throw e == fatal[0] || last[0] == null ? e : last[0];
        }
    }

    /** Whether a failure carries one of {@code codes}. */
    public static Predicate<ProviderException> hasCode(String... codes) {
        Set<String> set = Set.of(codes);
        return e -> set.contains(code(e));
    }

    /** The error code of a service failure, or null. */
    public static String code(Throwable e) {
        Throwable cause = e instanceof ProviderException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() : null;
    }

    private static String describe(AwsServiceException e) {
        // AwsContext's clients put "<SERVICE>: <Operation>" in the service name, as the Go SDK words it.
        String service = e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().serviceName();
        return "operation error " + service + ", https response error StatusCode: " + e.statusCode()
                + ", RequestID: " + e.requestId() + ", api error " + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode())
                + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    }
}
