package io.localvpc.service.ssm;

import io.localvpc.api.RequestContext;
import io.localvpc.model.StateView;
import io.localvpc.model.ssm.Parameter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parameter names, paths and ARNs. A name is either plain ({@code db-password}) or a hierarchy
 * ({@code /app/prod/db-password}) of at most 15 levels; both have the ARN
 * {@code arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>}.
 */
final class ParameterNames {
    static final int MAX_LEVELS = 15;
    private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:ssm:[\\w-]+:\\d{12}:parameter(/.*)");

    private ParameterNames() {}

    static void checkNew(String name) {
        if (name.length() > 1011) {
            throw SsmErrors.constraint(name, "name", "Member must have length less than or equal to 1011");
        }
        if (!CHARACTERS.matcher(name).matches()) {
            throw SsmErrors.validation("Parameter name: can't contain spaces or special characters other than"
                    + " period (.), hyphen (-), underscore (_) and forward slash (/).");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ssm") || lower.startsWith("/aws") || lower.startsWith("/ssm")) {
            throw SsmErrors.validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        }
        if (name.contains("/") && (!name.startsWith("/") || name.endsWith("/") || name.contains("//"))) {
            throw SsmErrors.validation("Parameter name must be a fully qualified name.");
        }
        if (name.chars().filter(c -> c == '/').count() > MAX_LEVELS) {
            throw SsmErrors.of("HierarchyLevelLimitExceededException",
                    "Parameter name hierarchy can have a maximum of " + MAX_LEVELS + " levels.");
        }
    }

    static String arn(RequestContext ctx, String name) {
        return "arn:aws:ssm:" + ctx.region() + ":" + ctx.accountId() + ":parameter" + (name.startsWith("/") ? "" : "/")
                + name;
    }

    /** The name as a path sees it: plain names live at the root. */
    static String fullPath(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    /** A parameter by name or ARN. An ARN cannot tell "/a" from "a", so both are tried. */
    static Optional<Parameter> find(StateView state, String nameOrArn) {
        var arn = ARN.matcher(nameOrArn);
        if (!arn.matches()) {
            return state.find(Parameter.class, nameOrArn);
        }
        String path = arn.group(1);
        return state.find(Parameter.class, path).or(() -> state.find(Parameter.class, path.substring(1)));
    }
}
