package io.localvpc.wire;

import io.localvpc.api.AwsException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
    protected void writeSuccess(XMLStreamWriter xml, String action, SdkPojo response, String requestId)
            throws XMLStreamException {
        xml.writeStartElement(action + "Response");
        xml.writeDefaultNamespace(service.xmlNamespace());
        text(xml, "requestId", requestId);
        if (response.sdkFields().isEmpty()) {
            // Operations without output answer <return>true</return>, as EC2 does.
            text(xml, "return", "true");
        } else {
            writer.writeMembers(xml, response);
        }
        xml.writeEndElement();
    }

    @Override
    protected void writeError(XMLStreamWriter xml, AwsException error, String requestId) throws XMLStreamException {
        xml.writeStartElement("Response");
        xml.writeStartElement("Errors");
        xml.writeStartElement("Error");
        text(xml, "Code", error.code());
        text(xml, "Message", error.getMessage());
        xml.writeEndElement();
        xml.writeEndElement();
        text(xml, "RequestID", requestId);
        xml.writeEndElement();
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
