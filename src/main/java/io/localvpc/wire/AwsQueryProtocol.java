package io.localvpc.wire;

import io.localvpc.api.AwsException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The AWS query protocol of IAM and STS: {@code <ActionResponse><ActionResult>...</ActionResult>
 * <ResponseMetadata><RequestId/></ResponseMetadata>}. The result wrapper must be exactly
 * Action + "Result": boto3 fails on anything else.
 */
final class AwsQueryProtocol extends FormProtocol {

    AwsQueryProtocol(ServiceDescriptor service) {
        super(service, QueryDialect.AWS_QUERY);
    }

    @Override
    void writeSuccess(XmlOut xml, String action, SdkPojo response, String requestId) {
        xml.open(action + "Response", service.xmlNamespace());
        if (!response.sdkFields().isEmpty()) {
            xml.open(action + "Result");
            writer.writeMembers(xml, response);
            xml.close(action + "Result");
        }
        xml.open("ResponseMetadata").text("RequestId", requestId).close("ResponseMetadata");
        xml.close(action + "Response");
    }

    @Override
    void writeError(XmlOut xml, AwsException error, String requestId) {
        xml.open("ErrorResponse", service.xmlNamespace()).open("Error")
                .text("Type", error.faultType())
                .text("Code", error.code())
                .text("Message", error.getMessage())
                .close("Error")
                .text("RequestId", requestId)
                .close("ErrorResponse");
    }

    @Override
    public AwsException invalidValue(QueryShapeReader.InvalidValueException e) {
        return AwsException.badRequest(
                "ValidationError",
                "1 validation error detected: Value '" + e.value() + "' at '" + e.parameter()
                        + "' failed to satisfy constraint: Member must have a valid type");
    }

    @Override
    public AwsException missingParameter(String name) {
        return AwsException.badRequest(
                "ValidationError",
                "1 validation error detected: Value null at '" + lowerFirst(name)
                        + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.badRequest("MalformedInput", message);
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
