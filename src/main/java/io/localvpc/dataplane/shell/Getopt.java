package io.localvpc.dataplane.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU-style option parsing as the Linux tools do it: short options may be bundled ({@code -sv}),
 * a value may be attached ({@code -c4}) or follow ({@code -c 4}), long options take
 * {@code --name value} or {@code --name=value}, options and operands may be mixed, and {@code --}
 * ends the options.
 */
final class Getopt {

    /** The options seen (the last value of each wins; flags map to "") and the operands in order. */
    record Parsed(Map<Character, String> options, List<String> operands) {
        boolean has(char option) {
            return options.containsKey(option);
        }

        String value(char option) {
            return options.get(option);
        }
    }

    /** An option the tool does not know, or one missing its value. */
    static final class Failure extends Exception {
        final String option;
        final boolean missingValue;

        Failure(String option, boolean missingValue) {
            super(option);
            this.option = option;
            this.missingValue = missingValue;
        }
    }

    private Getopt() {}

    /**
     * @param spec short options; a letter followed by ':' takes a value (getopt's convention)
     * @param longNames long option names (without "--") mapped to the short option they mean
     */
    static Parsed parse(List<String> args, String spec, Map<String, Character> longNames) throws Failure {
        Map<Character, String> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Character option = longNames.get(name);
                if (option == null) {
                    throw new Failure(arg, false);
                }
                if (takesValue(spec, option)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new Failure(arg, true);
                        }
                        value = args.get(++i);
                    }
                    options.put(option, value);
                } else {
                    options.put(option, "");
                }
                continue;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    char option = arg.charAt(j);
                    int at = spec.indexOf(option);
                    if (at < 0 || option == ':') {
                        throw new Failure(String.valueOf(option), false);
                    }
                    if (takesValue(spec, option)) {
                        String value = arg.substring(j + 1);
                        if (value.isEmpty()) {
                            if (i + 1 >= args.size()) {
                                throw new Failure(String.valueOf(option), true);
                            }
                            value = args.get(++i);
                        }
                        options.put(option, value);
                        break;
                    }
                    options.put(option, "");
                }
                continue;
            }
            operands.add(arg);
        }
        return new Parsed(options, operands);
    }

    private static boolean takesValue(String spec, char option) {
        int at = spec.indexOf(option);
        return at >= 0 && at + 1 < spec.length() && spec.charAt(at + 1) == ':';
    }
}
