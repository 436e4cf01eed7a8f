package io.localvpc.service.ssm.session;

import io.localvpc.api.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Session Manager documents StartSession accepts, and what each asks the agent to run: the
 * default shell, or one command (interactive or not). Port-forwarding documents exist on AWS but
 * need a TCP stream into the simulated network, which LocalVPC does not offer; they are refused
 * as a document this endpoint cannot run, rather than accepted and left doing nothing.
 */
final class SessionDocuments {
    static final String SHELL = "SSM-SessionManagerRunShell";
    static final String INTERACTIVE_COMMAND = "AWS-StartInteractiveCommand";
    static final String NON_INTERACTIVE_COMMAND = "AWS-StartNonInteractiveCommand";
    private static final Set<String> PORT_FORWARDING = Set.of("AWS-StartPortForwardingSession",
            "AWS-StartPortForwardingSessionToRemoteHost", "AWS-StartPortForwardingSessionToSocket", "AWS-StartSSHSession");

    private SessionDocuments() {}

    /**
     * What a session runs: a shell when {@code command} is null, else that command line.
     *
     * @param sessionType the handshake's SessionType for this document
     */
    record Plan(String documentName, String sessionType, String command) {}

    static Plan plan(String documentName, Map<String, List<String>> parameters) {
        String name = documentName == null ? SHELL : documentName;
        if (name.equals(SHELL)) {
            return new Plan(name, "Standard_Stream", null);
        }
        if (name.equals(INTERACTIVE_COMMAND) || name.equals(NON_INTERACTIVE_COMMAND)) {
            List<String> command = parameters == null ? null : parameters.get("command");
            if (command == null || command.isEmpty() || command.get(0).isBlank()) {
                throw AwsException.badRequest("InvalidParameters",
                        "document " + name + " requires parameter command but it was not provided.");
            }
            String type = name.equals(INTERACTIVE_COMMAND) ? "InteractiveCommands" : "NonInteractiveCommands";
            return new Plan(name, type, String.join(" ", command));
        }
        if (PORT_FORWARDING.contains(name)) {
            throw AwsException.badRequest("InvalidDocument", "Document " + name
                    + " forwards a port into the instance; LocalVPC's Session Manager runs shells and commands only ("
                    + SHELL + ", " + INTERACTIVE_COMMAND + ", " + NON_INTERACTIVE_COMMAND + ").");
        }
        throw AwsException.badRequest("InvalidDocument", "Document with name " + name + " does not exist.");
    }
}
