package io.localvpc.dataplane.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into simple commands joined by {@code ;}, newlines, {@code &&} and
 * {@code ||}, with the quoting of a POSIX shell: single quotes keep everything, double quotes keep
 * everything but {@code \"} and {@code \\}, a backslash outside quotes escapes the next character,
 * and {@code #} at the start of a word begins a comment. Pipes, background jobs and redirections
 * are refused with a syntax error naming them: the shell on a simulated instance has no files and
 * no second process to feed.
 */
final class ShellParser {

    /** How a command is joined to the one before it. */
    enum Joint {
        FIRST,
        ALWAYS,
        IF_SUCCEEDED,
        IF_FAILED
    }

    /** One simple command: its words, and when it runs. */
    record Command(Joint joint, List<String> words) {}

    /** A command line the shell cannot run, with the message bash gives for it. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private ShellParser() {}

    static List<Command> parse(String line) throws SyntaxError {
        List<Command> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Joint joint = Joint.FIRST;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                while (i < n && line.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == ';' || c == '\n' || c == '&' || c == '|') {
                String op;
                if ((c == '&' || c == '|') && i + 1 < n && line.charAt(i + 1) == c) {
                    op = "" + c + c;
                } else {
                    op = String.valueOf(c);
                }
                if (op.equals("|")) {
                    throw new SyntaxError("sh: pipes (`|') are not supported by the LocalVPC instance shell");
                }
                if (op.equals("&")) {
                    throw new SyntaxError("sh: background jobs (`&') are not supported by the LocalVPC instance shell");
                }
                if (words.isEmpty()) {
                    if (!op.equals("\n")) {
                        throw unexpected(op, line);
                    }
                    i++; // a blank line, or a line break after && or ||
                    continue;
                }
                commands.add(new Command(joint, List.copyOf(words)));
                words.clear();
                joint = switch (op) {
                    case "&&" -> Joint.IF_SUCCEEDED;
                    case "||" -> Joint.IF_FAILED;
                    default -> Joint.ALWAYS;
                };
                i += op.length();
                continue;
            }
            if (c == '>' || c == '<') {
                throw new SyntaxError("sh: redirections (`" + c + "') are not supported by the LocalVPC instance shell");
            }
            StringBuilder word = new StringBuilder();
            while (i < n) {
                c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
                    break;
                }
                if (c == '\'') {
                    int close = line.indexOf('\'', i + 1);
                    if (close < 0) {
                        throw unterminated('\'');
                    }
                    word.append(line, i + 1, close);
                    i = close + 1;
                } else if (c == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char d = line.charAt(i);
                        if (d == '"') {
                            closed = true;
                            i++;
                            break;
                        }
                        if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                            word.append(line.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        word.append(d);
                        i++;
                    }
                    if (!closed) {
                        throw unterminated('"');
                    }
                } else if (c == '\\') {
                    if (i + 1 < n && line.charAt(i + 1) != '\n') {
                        word.append(line.charAt(i + 1));
                    }
                    i += 2;
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            if (joint == Joint.IF_SUCCEEDED || joint == Joint.IF_FAILED) {
                throw new SyntaxError("sh: -c: line 1: syntax error: unexpected end of file");
            }
        } else {
            commands.add(new Command(joint, List.copyOf(words)));
        }
        return commands;
    }

    private static SyntaxError unexpected(String token, String line) {
        return new SyntaxError("sh: -c: line 0: syntax error near unexpected token `" + token + "'\nsh: -c: line 0: `" + line + "'");
    }

    private static SyntaxError unterminated(char quote) {
        return new SyntaxError("sh: -c: line 0: unexpected EOF while looking for matching `" + quote + "'\n"
                + "sh: -c: line 1: syntax error: unexpected end of file");
    }
}
