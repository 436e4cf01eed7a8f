package io.localvpc.terraform.provider;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names the failed operation in a service error, as the provider's Go SDK does ({@code operation
 * error EC2: CreateVpc, …}): the Java SDK's error details only carry the service ({@code Ec2}),
 * so the service id and operation name are put into the details' service name, which
 * {@code Errors} prints. The exception keeps its type and error code.
 */
final class OperationNamedErrors implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof AwsServiceException e) || e.awsErrorDetails() == null) {
            return context.exception();
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (service == null || operation == null) {
            return e;
        }
        // The Go SDK's service ids for what LocalVPC serves are the upper-cased names: EC2, IAM, STS, SSM.
        AwsErrorDetails named = e.awsErrorDetails().toBuilder()
                .serviceName(service.toUpperCase(Locale.ROOT) + ": " + operation).build();
        return e.toBuilder().awsErrorDetails(named).build();
    }
}
