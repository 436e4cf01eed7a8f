package io.localvpc.terraform.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns source text into tokens. The language has three lexical modes, kept on a stack: expression
 * tokens; a quoted template (between '"'); a heredoc (or a whole template file). A "${" or "%{" in a
 * template pushes expression mode, whose matching "}" returns to the template, so nested braces and
 * strings inside interpolations are counted correctly.
 */
final class Lexer {

    private enum Mode { EXPRESSION, QUOTED, HEREDOC }

    /** One lexical mode on the stack; braces are counted only in interpolation frames. */
    private static final class Frame {
        final Mode mode;
        final boolean interpolation;
        final String marker;           // heredoc end marker; null for a template file (ends at EOF)
        int braces;
        boolean atLineStart = true;

        Frame(Mode mode, boolean interpolation, String marker) {
            this.mode = mode;
            this.interpolation = interpolation;
            this.marker = marker;
        }
    }

    private final String filename;
    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    private Lexer(String filename, String src) {
        this.filename = filename;
        this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
    }

    /** Tokens of a configuration file or standalone expression, ending with EOF. */
    static List<Token> tokenize(String filename, String text) {
        Lexer lexer = new Lexer(filename, text);
        lexer.frames.push(new Frame(Mode.EXPRESSION, false, null));
        return lexer.run();
    }

    /** Tokens of a bare template (a templatefile() file): literal text with sequences, ending with EOF. */
    static List<Token> tokenizeTemplate(String filename, String text) {
        Lexer lexer = new Lexer(filename, text);
        lexer.frames.push(new Frame(Mode.HEREDOC, false, null));
        return lexer.run();
    }

    private List<Token> run() {
        while (tokens.isEmpty() || !tokens.get(tokens.size() - 1).is(TokenType.EOF)) {
            Frame frame = frames.peek();
            if (frame == null) {
                frames.push(new Frame(Mode.EXPRESSION, false, null));
                continue;
            }
            switch (frame.mode) {
                case EXPRESSION -> expressionToken(frame);
                case QUOTED -> quotedToken();
                case HEREDOC -> heredocToken(frame);
            }
        }
        return tokens;
    }

    // --- expression mode ------------------------------------------------------------------

    private void expressionToken(Frame frame) {
        if (atEnd()) {
            emit(TokenType.EOF, "", here(), here());
            return;
        }
        SourcePos start = here();
        char c = peek(0);
        if (c == ' ' || c == '\t' || c == '\r') {
            advance();
        } else if (c == '\n') {
            advance();
            emit(TokenType.NEWLINE, "\n", start, here());
        } else if (c == '#' || c == '/' && peek(1) == '/') {
            while (!atEnd() && peek(0) != '\n') {
                advance(); // the newline itself stays: it still ends the argument
            }
        } else if (c == '/' && peek(1) == '*') {
            blockComment(start);
        } else if (isDigit(c)) {
            number(start);
        } else if (isIdentStart(src.codePointAt(pos))) {
            identifier(start);
        } else if (c == '"') {
            advance();
            emit(TokenType.OQUOTE, "\"", start, here());
            frames.push(new Frame(Mode.QUOTED, false, null));
        } else if (c == '<' && peek(1) == '<') {
            heredocStart(start);
        } else if (c == '{') {
            advance();
            if (frame.interpolation) {
                frame.braces++;
            }
            emit(TokenType.LBRACE, "{", start, here());
        } else if (frame.interpolation && frame.braces == 0 && (c == '}' || c == '~' && peek(1) == '}')) {
            boolean strip = c == '~';
            advance(strip ? 2 : 1);
            frames.pop();
            tokens.add(new Token(TokenType.TEMPLATE_SEQ_END, "}", range(start), strip, false, false));
        } else if (c == '}') {
            advance();
            if (frame.interpolation) {
                frame.braces--;
            }
            emit(TokenType.RBRACE, "}", start, here());
        } else {
            operator(start, c);
        }
    }

    private void operator(SourcePos start, char c) {
        TokenType type = switch (c) {
            case '[' -> TokenType.LBRACK;
            case ']' -> TokenType.RBRACK;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case ',' -> TokenType.COMMA;
            case '.' -> peek(1) == '.' && peek(2) == '.' ? TokenType.ELLIPSIS : TokenType.DOT;
            case ':' -> TokenType.COLON;
            case '?' -> TokenType.QUESTION;
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '*' -> TokenType.STAR;
            case '/' -> TokenType.SLASH;
            case '%' -> TokenType.PERCENT;
            case '=' -> peek(1) == '=' ? TokenType.EQUAL : peek(1) == '>' ? TokenType.FAT_ARROW : TokenType.ASSIGN;
            case '!' -> peek(1) == '=' ? TokenType.NOT_EQUAL : TokenType.BANG;
            case '<' -> peek(1) == '=' ? TokenType.LESS_EQUAL : TokenType.LESS;
            case '>' -> peek(1) == '=' ? TokenType.GREATER_EQUAL : TokenType.GREATER;
            case '&' -> peek(1) == '&' ? TokenType.AND : null;
            case '|' -> peek(1) == '|' ? TokenType.OR : null;
            default -> null;
        };
        if (type == null) {
            advanceCodePoint();
            throw unusable(c, range(start));
        }
        advance(type.symbol.length());
        emit(type, type.symbol, start, here());
    }

    /** HCL's explanations for characters people try from other languages. */
    private static HclException unusable(char c, SourceRange where) {
        return switch (c) {
            case '&', '|' -> new HclException("Unsupported operator", "Bitwise operators are not supported. Did you mean to use \""
                    + c + c + "\"?", where);
            case '^' -> new HclException("Unsupported operator", "Bitwise operators are not supported.", where);
            case '\'' -> new HclException("Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.", where);
            case ';' -> new HclException("Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and "
                    + "blocks, and commas to separate items in collection values.", where);
            case '`' -> new HclException("Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the "
                    + "\"heredoc\" syntax, like \"<<EOT\".", where);
            default -> new HclException("Invalid character", "This character is not used within the language.", where);
        };
    }

    private void blockComment(SourcePos start) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
            throw new HclException("Unterminated comment", "There is no closing marker (\"*/\") for this comment.",
                    new SourceRange(filename, start, new SourcePos(start.line(), start.column() + 2, start.offset() + 2)));
        }
        advance(end + 2 - pos);
    }

    private void number(SourcePos start) {
        int from = pos;
        while (!atEnd() && isDigit(peek(0))) {
            advance();
        }
        if (peek(0) == '.' && isDigit(peek(1))) {
            advance();
            while (!atEnd() && isDigit(peek(0))) {
                advance();
            }
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))) {
            advance(2);
            while (!atEnd() && isDigit(peek(0))) {
                advance();
            }
        }
        emit(TokenType.NUMBER, src.substring(from, pos), start, here());
    }

    private void identifier(SourcePos start) {
        int from = pos;
        advanceCodePoint();
        while (!atEnd() && isIdentPart(src.codePointAt(pos))) {
            advanceCodePoint();
        }
        emit(TokenType.IDENT, src.substring(from, pos), start, here());
    }

    /** "<<EOF" or "<<-EOF" followed by a newline opens a heredoc; anything else after "<<" is not the language. */
    private void heredocStart(SourcePos start) {
        int p = pos + 2;
        boolean flush = p < src.length() && src.charAt(p) == '-';
        if (flush) {
            p++;
        }
        int markerStart = p;
        while (p < src.length() && isIdentPart(src.codePointAt(p))) {
            p += Character.charCount(src.codePointAt(p));
        }
        String marker = src.substring(markerStart, p);
        int lineEnd = src.startsWith("\r\n", p) ? p + 2 : src.startsWith("\n", p) ? p + 1 : -1;
        if (marker.isEmpty() || !isIdentStart(marker.codePointAt(0)) || lineEnd < 0) {
            advance(2);
            throw new HclException("Invalid character", "This character is not used within the language.", range(start));
        }
        advance(p - pos);
        tokens.add(new Token(TokenType.OHEREDOC, marker, range(start), false, false, flush));
        advance(lineEnd - pos);
        frames.push(new Frame(Mode.HEREDOC, false, marker));
    }

    // --- template modes -------------------------------------------------------------------

    private void quotedToken() {
        SourcePos start = here();
        if (atEnd() || peek(0) == '\n') {
            throw new HclException(atEnd() ? "Unterminated template string" : "Invalid multi-line string",
                    atEnd() ? "No closing marker was found for the string."
                            : "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use "
                            + "the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.",
                    range(start));
        }
        if (peek(0) == '"') {
            advance();
            frames.pop();
            emit(TokenType.CQUOTE, "\"", start, here());
            return;
        }
        if (templateSequenceStart(start)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        while (!atEnd() && peek(0) != '"' && peek(0) != '\n' && !atSequenceStart()) {
            if (peek(0) == '\\') {
                escape(text);
            } else if (atEscapedSequence()) {
                text.append(peek(1)).append('{');
                advance(3);
            } else {
                text.append(peek(0));
                advance();
            }
        }
        tokens.add(new Token(TokenType.TEMPLATE_LITERAL, text.toString(), range(start), false, false, false));
    }

    private void heredocToken(Frame frame) {
        SourcePos start = here();
        if (atEnd()) {
            if (frame.marker == null) {
                emit(TokenType.EOF, "", start, start);
                return;
            }
            throw new HclException("Unterminated template string",
                    "There is no closing marker (\"" + frame.marker + "\") for this heredoc.", range(start));
        }
        if (frame.atLineStart && frame.marker != null && atHeredocEnd(frame.marker)) {
            while (peek(0) == ' ' || peek(0) == '\t') {
                advance();
            }
            SourcePos markerStart = here();
            advance(frame.marker.length());
            frames.pop();
            emit(TokenType.CHEREDOC, frame.marker, markerStart, here());
            return;
        }
        boolean lineStart = frame.atLineStart;
        frame.atLineStart = false;
        if (!lineStart && templateSequenceStart(start)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        while (!atEnd() && !atSequenceStart()) {
            if (atEscapedSequence()) {
                text.append(peek(1)).append('{');
                advance(3);
                continue;
            }
            char c = peek(0);
            text.append(c);
            advance();
            if (c == '\n') {
                frame.atLineStart = true;
                break;
            }
        }
        tokens.add(new Token(TokenType.TEMPLATE_LITERAL, text.toString(), range(start), false, lineStart, false));
    }

    private boolean atHeredocEnd(String marker) {
        int p = pos;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            p++;
        }
        if (!src.startsWith(marker, p)) {
            return false;
        }
        int q = p + marker.length();
        while (q < src.length() && (src.charAt(q) == ' ' || src.charAt(q) == '\t' || src.charAt(q) == '\r')) {
            q++;
        }
        return q == src.length() || src.charAt(q) == '\n';
    }

    /** Emits "${" or "%{" (with an optional strip marker "~") and enters expression mode; false if not at one. */
    private boolean templateSequenceStart(SourcePos start) {
        if (!atSequenceStart()) {
            return false;
        }
        TokenType type = peek(0) == '$' ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL;
        boolean strip = peek(2) == '~';
        advance(strip ? 3 : 2);
        tokens.add(new Token(type, type == TokenType.TEMPLATE_INTERP ? "${" : "%{", range(start), strip, false, false));
        frames.push(new Frame(Mode.EXPRESSION, true, null));
        return true;
    }

    private boolean atSequenceStart() {
        return (peek(0) == '$' || peek(0) == '%') && peek(1) == '{';
    }

    /** "$${" and "%%{" stand for a literal "${" and "%{". */
    private boolean atEscapedSequence() {
        char c = peek(0);
        return (c == '$' || c == '%') && peek(1) == c && peek(2) == '{';
    }

    private void escape(StringBuilder text) {
        SourcePos start = here();
        char selector = peek(1);
        switch (selector) {
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'u', 'U' -> {
                int digits = selector == 'u' ? 4 : 8;
                String hex = pos + 2 + digits <= src.length() ? src.substring(pos + 2, pos + 2 + digits) : "";
                if (!hex.matches("[0-9A-Fa-f]+") || hex.length() != digits) {
                    advance(2);
                    throw new HclException("Invalid escape sequence", "The \\" + selector + " escape sequence must be followed by "
                            + digits + " hexadecimal digits.", range(start));
                }
                text.appendCodePoint(Integer.parseInt(hex, 16));
                advance(digits);
            }
            default -> {
                advance(1);
                advanceCodePoint();
                throw new HclException("Invalid escape sequence", "The symbol " + Strings.quote(String.valueOf(selector))
                        + " is not a valid escape sequence selector.", range(start));
            }
        }
        advance(2);
    }

    // --- cursor ---------------------------------------------------------------------------

    private boolean atEnd() {
        return pos >= src.length();
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    /** Moves one UTF-16 unit; a column is counted per code point (the low surrogate adds none). */
    private void advance() {
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
    }

    private void advance(int units) {
        for (int i = 0; i < units && !atEnd(); i++) {
            advance();
        }
    }

    private void advanceCodePoint() {
        advance(Character.charCount(src.codePointAt(pos)));
    }

    private SourcePos here() {
        return new SourcePos(line, column, pos);
    }

    private SourceRange range(SourcePos start) {
        return new SourceRange(filename, start, here());
    }

    private void emit(TokenType type, String text, SourcePos start, SourcePos end) {
        tokens.add(new Token(type, text, new SourceRange(filename, start, end)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(int cp) {
        return Character.isLetter(cp) || cp == '_';
    }

    private static boolean isIdentPart(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '-';
    }
}
