package io.localvpc.wire;

import io.localvpc.api.AwsException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * EC2's query protocol: {@code <ActionResponse xmlns=...><requestId/>members...}, and errors as
 * {@code <Response><Errors><Error>} with {@code RequestID} spelled with a capital D.
 */
final class Ec2Protocol extends FormProtocol {

    Ec2Protocol(ServiceDescriptor service) {
        super(service, QueryDialect.EC2);
    }

    @Override
    void writeSuccess(XmlOut xml, String action, SdkPojo response, String requestId) {
        xml.open(action + "Response", service.xmlNamespace()).text("requestId", requestId);
        if (response.sdkFields().isEmpty()) {
            // Operations without output answer <return>true</return>, as EC2 does.
            xml.text("return", "true");
        } else {
            writer.writeMembers(xml, response);
        }
        xml.close(action + "Response");
    }

    @Override
    void writeError(XmlOut xml, AwsException error, String requestId) {
        xml.open("Response").open("Errors").open("Error")
                .text("Code", error.code())
                .text("Message", error.getMessage())
                .close("Error").close("Errors")
                .text("RequestID", requestId)
                .close("Response");
    }

    @Override
    public AwsException invalidValue(QueryShapeReader.InvalidValueException e) {
        return AwsException.badRequest("InvalidParameterValue", e.getMessage());
    }

    @Override
    public AwsException missingParameter(String name) {
        return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + name);
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.badRequest("MalformedQueryString", message);
    }
}
