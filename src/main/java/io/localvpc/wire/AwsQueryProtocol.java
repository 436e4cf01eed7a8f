package io.localvpc.wire;

import io.localvpc.api.AwsException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
    protected void writeSuccess(XMLStreamWriter xml, String action, SdkPojo response, String requestId)
            throws XMLStreamException {
        xml.writeStartElement(action + "Response");
        xml.writeDefaultNamespace(service.xmlNamespace());
        if (!response.sdkFields().isEmpty()) {
            xml.writeStartElement(action + "Result");
            writer.writeMembers(xml, response);
            xml.writeEndElement();
        }
        xml.writeStartElement("ResponseMetadata");
        text(xml, "RequestId", requestId);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    @Override
    protected void writeError(XMLStreamWriter xml, AwsException error, String requestId) throws XMLStreamException {
        xml.writeStartElement("ErrorResponse");
        xml.writeDefaultNamespace(service.xmlNamespace());
        xml.writeStartElement("Error");
        text(xml, "Type", error.faultType());
        text(xml, "Code", error.code());
        text(xml, "Message", error.getMessage());
        xml.writeEndElement();
        text(xml, "RequestId", requestId);
        xml.writeEndElement();
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
