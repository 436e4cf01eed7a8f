package io.localvpc.wire;

import io.localvpc.api.AwsException;
import io.localvpc.api.ServiceRoutes;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The form-encoded request / XML response protocols: EC2 query and AWS query. They read requests
 * the same way and differ in list naming and in the envelopes, which each subclass writes.
 */
public abstract class FormProtocol implements WireProtocol {
    protected final ServiceDescriptor service;
    private final QueryShapeReader reader;
    protected final XmlShapeWriter writer;

    protected FormProtocol(ServiceDescriptor service, QueryDialect dialect) {
        this.service = service;
        this.reader = new QueryShapeReader(dialect);
        this.writer = new XmlShapeWriter(dialect, service.urlEncodedMembers());
    }

    public static FormProtocol forService(ServiceDescriptor service) {
        return service.protocol() == ServiceDescriptor.Protocol.EC2_QUERY
                ? new Ec2Protocol(service)
                : new AwsQueryProtocol(service);
    }

    @Override
    public String actionOf(AwsHttpRequest http, FormParams form) {
        return form.get("Action");
    }

    @Override
    public Call parse(AwsHttpRequest http, FormParams form) {
        String action = form.get("Action");
        if (action == null || action.isEmpty()) {
            throw missingAction();
        }
        ServiceRoutes.Route route = service.routes().find(action).orElseThrow(() -> invalidAction(action));
        return new Call(route, reader.read(route.requestType(), form));
    }

    protected AwsException missingAction() {
        return AwsException.badRequest("MissingAction", "The request must contain the parameter Action.");
    }

    protected AwsException invalidAction(String action) {
        return AwsException.badRequest("InvalidAction", "The action " + action + " is not valid for this web service.");
    }

    @Override
    public AwsHttpResponse success(String action, Object response, String requestId) {
        XmlOut xml = new XmlOut();
        writeSuccess(xml, action, (SdkPojo) response, requestId);
        return xmlResponse(200, xml);
    }

    @Override
    public AwsHttpResponse error(AwsException error, String requestId) {
        XmlOut xml = new XmlOut();
        writeError(xml, error, requestId);
        return xmlResponse(error.status(), xml);
    }

    abstract void writeSuccess(XmlOut xml, String action, SdkPojo response, String requestId);

    abstract void writeError(XmlOut xml, AwsException error, String requestId);

    private static AwsHttpResponse xmlResponse(int status, XmlOut xml) {
        return new AwsHttpResponse(status, "text/xml;charset=UTF-8", java.util.Map.of(), xml.bytes());
    }
}
