package io.localvpc.service.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.model.StateView;
import io.localvpc.model.iam.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Read-only answers for other services: do the policies of a role (inline and attached managed,
 * their default versions) allow an action? IAM's rules for actions: an explicit Deny wins over any
 * Allow, no Allow means denied, {@code *} and {@code ?} are wildcards, and case does not matter.
 * A role's permissions boundary caps what its policies grant: the boundary policy must allow the
 * action too. Resources and conditions are not evaluated; every statement is taken to apply.
 */
public final class IamPermissions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamPermissions() {}

    /** True if the role exists in the account and its policies allow {@code action} (e.g. {@code ssm:GetParameter}). */
    public static boolean roleAllows(StateView account, String roleName, String action) {
        Role role = account.find(Role.class, roleName).orElse(null);
        if (role == null) {
            return false;
        }
        if (role.permissionsBoundaryArn() != null && !allows(boundaryOf(account, role), action)) {
            return false;
        }
        return allows(documentsOf(account, role), action);
    }

    /** Whether {@code documents} together allow {@code action}: some Allow applies and no Deny does. */
    private static boolean allows(List<String> documents, String action) {
        boolean allowed = false;
        for (String document : documents) {
            for (JsonNode statement : statements(document)) {
                if (!appliesTo(statement, action)) {
                    continue;
                }
                if ("Deny".equals(statement.path("Effect").asText())) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    /** The boundary policy's default version; a boundary policy deleted since grants nothing. */
    private static List<String> boundaryOf(StateView account, Role role) {
        return AwsManagedPolicies.findAny(account, role.permissionsBoundaryArn())
                .map(p -> List.of(p.defaultVersion().document()))
                .orElse(List.of());
    }

    private static List<String> documentsOf(StateView account, Role role) {
        List<String> documents = new ArrayList<>(role.inlinePolicies().values());
        for (String arn : role.attachedPolicyArns()) {
            AwsManagedPolicies.findAny(account, arn).ifPresent(p -> documents.add(p.defaultVersion().document()));
        }
        return documents;
    }

    private static List<JsonNode> statements(String document) {
        try {
            JsonNode statement = JSON.readTree(document).path("Statement");
            List<JsonNode> all = new ArrayList<>();
            if (statement.isArray()) {
                statement.forEach(all::add);
            } else if (statement.isObject()) {
                all.add(statement);
            }
            return all;
        } catch (IOException e) {
            // Documents are validated when stored; an unreadable one grants nothing.
            return List.of();
        }
    }

    /** Action lists the action, or NotAction is present and does not list it. */
    private static boolean appliesTo(JsonNode statement, String action) {
        if (statement.has("Action")) {
            return anyMatches(statement.get("Action"), action);
        }
        if (statement.has("NotAction")) {
            return !anyMatches(statement.get("NotAction"), action);
        }
        return false;
    }

    private static boolean anyMatches(JsonNode patterns, String action) {
        if (patterns.isTextual()) {
            return matches(patterns.asText(), action);
        }
        for (JsonNode pattern : patterns) {
            if (matches(pattern.asText(), action)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(action.toLowerCase(Locale.ROOT)).matches();
    }
}
