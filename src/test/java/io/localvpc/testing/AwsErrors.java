package io.localvpc.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on errors as the SDK reports them: code, and HTTP status. */
public final class AwsErrors {
    private AwsErrors() {}

    public static AwsServiceException assertAwsError(ThrowableAssert.ThrowingCallable call, String code) {
        var thrown = new AwsServiceException[1];
        assertThatThrownBy(call)
                .isInstanceOf(AwsServiceException.class)
                .satisfies(e -> {
                    thrown[0] = (AwsServiceException) e;
                    org.assertj.core.api.Assertions.assertThat(thrown[0].awsErrorDetails().errorCode())
                            .as("error code (message: %s)", thrown[0].awsErrorDetails().errorMessage())
                            .isEqualTo(code);
                });
        return thrown[0];
    }
}
