package io.localvpc.service.ec2;

import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The {@code Filter.N.Name / Filter.N.Value.M} filters of one EC2 describe call: filters are
 * ANDed, the values of one filter ORed, values may use {@code *} and {@code ?}, and every
 * resource understands {@code tag:Key}, {@code tag-key} and {@code tag-value}. Each resource type
 * declares its filter names once, with a function giving the values it has for that name.
 *
 * @param <T> the model record being filtered
 */
public final class Filters<T> {
    private final Function<T, String> id;
    private final Map<String, Function<T, ?>> fields = new LinkedHashMap<>();

    private Filters(Function<T, String> id) {
        this.id = id;
    }

    /** A filter set for a resource whose tags are keyed by {@code id}. */
    public static <T> Filters<T> forResource(Function<T, String> id) {
        return new Filters<>(id);
    }

    /**
     * Declares a filter. The function may return a String, a Boolean, a number, a Collection of
     * those, or null (no value, so never matches).
     */
    public Filters<T> on(String name, Function<T, ?> values) {
        fields.put(name, values);
        return this;
    }

    /** The predicate for the given filters; unknown names are refused as AWS refuses them. */
    public Predicate<T> compile(List<Filter> filters, StateView tags) {
        if (filters == null || filters.isEmpty()) {
            return r -> true;
        }
        List<Predicate<T>> all = new ArrayList<>();
        for (Filter filter : filters) {
            String name = filter.name();
            if (name == null) {
                throw Ec2Errors.invalidValue("The filter 'null' is invalid");
            }
            Predicate<T> indexed = tagIndexLookup(name, filter.values(), tags);
            if (indexed != null) {
                all.add(indexed);
                continue;
            }
            List<Predicate<String>> patterns = filter.values().stream().map(Filters::matcher).toList();
            Function<T, ?> values = valuesFor(name, tags);
            all.add(r -> matches(values.apply(r), patterns));
        }
        // A plain loop: this runs once per resource per describe, a stream here costs more than the test.
        List<Predicate<T>> predicates = List.copyOf(all);
        return r -> {
            for (Predicate<T> predicate : predicates) {
                if (!predicate.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * {@code tag:Key} with literal values over a committed state asks the state's tag index instead
     * of every resource's tags (describes over thousands of instances filter this way). Null when
     * the index cannot answer.
     */
    private Predicate<T> tagIndexLookup(String name, List<String> values, StateView tags) {
        if (!name.startsWith("tag:") || !(tags instanceof RegionState state)
                || values.stream().anyMatch(Filters::hasWildcards)) {
            return null;
        }
        String key = name.substring(4);
        Set<String> ids = new HashSet<>();
        values.forEach(v -> ids.addAll(state.idsTagged(key, v)));
        return r -> ids.contains(id.apply(r));
    }

    public List<T> apply(Collection<T> resources, List<Filter> filters, StateView tags) {
        Predicate<T> predicate = compile(filters, tags);
        return resources.stream().filter(predicate).toList();
    }

    private Function<T, ?> valuesFor(String name, StateView tags) {
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return r -> tags.tagsOf(id.apply(r)).get(key);
        }
        if (name.equals("tag-key")) {
            return r -> tags.tagsOf(id.apply(r)).keySet();
        }
        if (name.equals("tag-value")) {
            return r -> tags.tagsOf(id.apply(r)).values();
        }
        Function<T, ?> field = fields.get(name);
        if (field == null) {
            throw Ec2Errors.invalidValue("The filter '" + name + "' is invalid");
        }
        return field;
    }

    private static boolean matches(Object value, List<Predicate<String>> patterns) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection<?> many) {
            for (Object one : many) {
                if (matches(one, patterns)) {
                    return true;
                }
            }
            return false;
        }
        String text = String.valueOf(value);
        for (Predicate<String> pattern : patterns) {
            if (pattern.test(text)) {
                return true;
            }
        }
        return false;
    }

    /** A value without wildcards or escapes is compared as it is; only the others become regexes. */
    static Predicate<String> matcher(String value) {
        if (!hasWildcards(value)) {
            return value::equals;
        }
        Pattern pattern = glob(value);
        return text -> pattern.matcher(text).matches();
    }

    /** Whether a filter value holds a wildcard or an escape, so that it must be read as a glob. */
    private static boolean hasWildcards(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.indexOf('\\') >= 0;
    }

    /** EC2 filter values: {@code *} any run of characters, {@code ?} one, backslash escapes. */
    static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
