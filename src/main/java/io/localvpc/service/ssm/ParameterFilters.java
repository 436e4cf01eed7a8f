package io.localvpc.service.ssm;

import io.localvpc.model.ssm.Parameter;
import io.localvpc.service.ec2.Filters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;

/**
 * DescribeParameters' and GetParametersByPath's ParameterFilters: a parameter matches when every
 * filter matches, and a filter matches when any of its values does. Each call allows its own keys.
 */
final class ParameterFilters {
    static final Set<String> DESCRIBE_KEYS = Set.of("Name", "Type", "KeyId", "Path", "Tier", "DataType");
    static final Set<String> BY_PATH_KEYS = Set.of("Type", "KeyId", "Tier", "DataType");

    private ParameterFilters() {}

    static Predicate<Parameter> of(Collection<ParameterStringFilter> filters, Set<String> allowedKeys) {
        Predicate<Parameter> all = p -> true;
        for (ParameterStringFilter filter : filters == null ? List.<ParameterStringFilter>of() : filters) {
            all = all.and(one(filter, allowedKeys));
        }
        return all;
    }

    /** The older Filters member: Name matches by prefix, Type and KeyId exactly. */
    static List<ParameterStringFilter> fromLegacy(Collection<ParametersFilter> filters) {
        return filters.stream()
                .map(f -> ParameterStringFilter.builder()
                        .key(f.keyAsString())
                        .option("Name".equals(f.keyAsString()) ? "BeginsWith" : "Equals")
                        .values(f.values())
                        .build())
                .toList();
    }

    private static Predicate<Parameter> one(ParameterStringFilter filter, Set<String> allowedKeys) {
        String key = filter.key();
        boolean isTag = key.startsWith("tag:") && allowedKeys == DESCRIBE_KEYS;
        if (!isTag && !allowedKeys.contains(key)) {
            throw SsmErrors.of("InvalidFilterKey", "The specified key isn't valid.");
        }
        List<String> values = filter.values() == null ? List.of() : filter.values();
        String option = filter.option();
        if (key.equals("Path")) {
            String chosen = option == null ? "OneLevel" : option;
            if (!chosen.equals("OneLevel") && !chosen.equals("Recursive")) {
                throw invalidOption();
            }
            return p -> values.stream().anyMatch(path -> isUnder(p.name(), path, chosen.equals("Recursive")));
        }
        String chosen = option == null ? "Equals" : option;
        boolean byName = key.equals("Name");
        if (!chosen.equals("Equals") && !(byName && (chosen.equals("BeginsWith") || chosen.equals("Contains")))) {
            throw invalidOption();
        }
        Function<Parameter, String> field = isTag ? p -> p.tags().get(key.substring("tag:".length())) : field(key);
        return p -> {
            String actual = field.apply(p);
            return actual != null && values.stream().anyMatch(v -> switch (chosen) {
                case "BeginsWith" -> actual.startsWith(v) || ParameterNames.fullPath(actual).startsWith(v);
                case "Contains" -> actual.contains(v);
                default -> actual.equals(v);
            });
        };
    }

    private static Function<Parameter, String> field(String key) {
        return switch (key) {
            case "Name" -> Parameter::name;
            case "Type" -> p -> p.current().type();
            case "KeyId" -> p -> p.current().keyId();
            case "Tier" -> p -> p.current().tier();
            default -> p -> p.current().dataType();
        };
    }

    /** Whether the parameter sits in the path: directly, or anywhere below it when recursive. */
    static boolean isUnder(String name, String path, boolean recursive) {
        String base = path.endsWith("/") ? path : path + "/";
        String full = ParameterNames.fullPath(name);
        if (!full.startsWith(base)) {
            return false;
        }
        return recursive || full.indexOf('/', base.length()) < 0;
    }

    private static RuntimeException invalidOption() {
        return SsmErrors.of("InvalidFilterOption", "The specified filter option isn't valid. Valid options are"
                + " Equals, BeginsWith and Contains for Name, Equals for the other keys, OneLevel and Recursive for Path.");
    }
}
