package io.localvpc.service.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * IAM's input rules, checked as AWS's front end does: names, paths and policy documents. Failures
 * read like AWS's "1 validation error detected" messages so clients show the familiar text.
 */
final class IamInput {
    /** Role, instance profile, policy and session names all share this character set. */
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    /** A path is "/" or "/" + printable ASCII + "/". */
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    private static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007E]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamInput() {}

    /** The SDK models of IAM mark nothing required, so handlers check what AWS requires themselves. */
    static <T> T required(T value, String member) {
        if (value == null) {
            throw IamErrors.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static void name(String value, String member, int maxLength) {
        required(value, member);
        length(value, member, 1, maxLength);
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.validation(detected(value, member,
                    "Member must satisfy regular expression pattern: " + NAME.pattern()));
        }
    }

    /** The path of a new entity, "/" when not given. */
    static String path(String value) {
        if (value == null) {
            return "/";
        }
        length(value, "path", 1, 512);
        if (!PATH.matcher(value).matches()) {
            throw IamErrors.validation(detected(value, "path",
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
        }
        return value;
    }

    /** A PathPrefix filter of the List calls, "/" when not given. */
    static String pathPrefix(String value) {
        if (value == null) {
            return "/";
        }
        length(value, "pathPrefix", 1, 512);
        if (!PATH_PREFIX.matcher(value).matches()) {
            throw IamErrors.validation(detected(value, "pathPrefix",
                    "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*"));
        }
        return value;
    }

    static void length(String value, String member, int min, int max) {
        if (value.length() < min) {
            throw IamErrors.validation(detected(value, member, "Member must have length greater than or equal to " + min));
        }
        if (value.length() > max) {
            throw IamErrors.validation(detected(value, member, "Member must have length less than or equal to " + max));
        }
    }

    static void range(int value, String member, int min, int max) {
        if (value < min || value > max) {
            String bound = value < min ? "greater than or equal to " + min : "less than or equal to " + max;
            throw IamErrors.validation(detected(String.valueOf(value), member, "Member must have value " + bound));
        }
    }

    /**
     * A policy document must be a JSON object with a Version and at least one statement; each statement
     * needs an Effect of Allow or Deny. The document itself is kept exactly as sent.
     */
    static void policyDocument(String document, String member) {
        if (required(document, member).isBlank()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        if (root == null || !root.isObject()) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        JsonNode version = root.get("Version");
        if (version == null || !(version.asText().equals("2012-10-17") || version.asText().equals("2008-10-17"))) {
            throw IamErrors.malformedPolicy("The policy must contain a valid version string");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || statements.isEmpty() && statements.isContainerNode() || !statements.isContainerNode()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            String effect = statement.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw IamErrors.malformedPolicy("Syntax errors in policy.");
            }
        }
    }

    private static String detected(String value, String member, String constraint) {
        return "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint;
    }
}
