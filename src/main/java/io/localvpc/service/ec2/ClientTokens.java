package io.localvpc.service.ec2;

import io.localvpc.api.AwsException;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.IdempotencyToken;
import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Idempotent creates: a retry that carries the same {@code ClientToken} gets the resource the first
 * call made instead of a second one; the same token with different parameters is
 * {@code IdempotentParameterMismatch}, as on AWS.
 */
public final class ClientTokens {
    private ClientTokens() {}

    /** The id of the resource an earlier call with this token created, if there was one. */
    public static Optional<String> previous(StateView state, String action, String token, Object request) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        if (token.length() > 64) {
            throw Ec2Errors.invalidValue("Value (" + token + ") for parameter clientToken is invalid. The length must not exceed 64.");
        }
        return state.find(IdempotencyToken.class, action + ":" + token).map(earlier -> {
            if (!earlier.requestFingerprint().equals(fingerprint(request))) {
                throw AwsException.badRequest("IdempotentParameterMismatch",
                        "Client token '" + token + "' was already used with different parameters.");
            }
            return earlier.resourceId();
        });
    }

    /** Remembers what this token created, in the same transaction that created it. */
    public static void remember(Tx tx, String action, String token, Object request, String resourceId) {
        if (token != null && !token.isEmpty()) {
            tx.put(new IdempotencyToken(action + ":" + token, fingerprint(request), resourceId));
        }
    }

    /** The request's parameters without its token and DryRun flag. */
    static String fingerprint(Object request) {
        if (!(request instanceof ToCopyableBuilder<?, ?> copyable)) {
            return String.valueOf(request);
        }
        SdkPojo builder = (SdkPojo) copyable.toBuilder();
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.memberName().equals("ClientToken") || field.memberName().equals("DryRun")) {
                field.set(builder, null);
            }
        }
        Object rebuilt = ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
        return Integer.toHexString(rebuilt.toString().hashCode()) + ":" + rebuilt.toString().length();
    }
}
