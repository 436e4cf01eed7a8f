package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses bodies: arguments ({@code name = expr}, ended by a newline) and blocks
 * ({@code type "label" ... {}}), including Terraform's one-line blocks that hold a single argument.
 */
final class BodyParser {

    private final TokenStream in;
    private final ExpressionParser expressions;
    private final String filename;

    BodyParser(TokenStream in, ExpressionParser expressions, String filename) {
        this.in = in;
        this.expressions = expressions;
        this.filename = filename;
    }

    Body file() {
        SourcePos start = new SourcePos(1, 1, 0);
        Body body = body(null);
        return new Body(body.attributes(), body.blocks(), new SourceRange(filename, start, in.peek().range().end()));
    }

    /** Items up to the closing brace of {@code open}, or up to the end of the file when open is null. */
    private Body body(Token open) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        while (true) {
            in.skipNewlines();
            Token t = in.peek();
            if (open == null ? t.is(TokenType.EOF) : t.is(TokenType.RBRACE)) {
                SourceRange range = open == null ? t.range() : open.range().to(t.range());
                return new Body(attributes, blocks, range);
            }
            if (t.is(TokenType.EOF)) {
                throw new HclException("Unclosed configuration block", "There is no closing brace for this block before the end of the file. "
                        + "This may be caused by incorrect brace nesting elsewhere in this file.", open.range());
            }
            if (!t.is(TokenType.IDENT)) {
                throw new HclException("Argument or block definition required", "An argument or block definition is required here.", t.range());
            }
            in.next();
            Token after = in.peek();
            if (after.is(TokenType.ASSIGN)) {
                Attribute a = attribute(t);
                requireUnique(seen, a);
                requireLineEnd("Missing newline after argument", "An argument definition must end with a newline.");
                attributes.add(a);
            } else if (after.is(TokenType.OQUOTE) || after.is(TokenType.IDENT) || after.is(TokenType.LBRACE)) {
                blocks.add(block(t));
                requireLineEnd("Missing newline after block definition", "A block definition must end with a newline.");
            } else {
                throw new HclException("Argument or block definition required", "An argument or block definition is required here. "
                        + "To set an argument, use the equals sign \"=\" to introduce the argument value.", after.range());
            }
        }
    }

    private Attribute attribute(Token name) {
        in.next(); // "="
        Expression value = expressions.expression();
        return new Attribute(name.text(), value, name.range(), name.range().to(value.range()));
    }

    private void requireUnique(Map<String, Attribute> seen, Attribute a) {
        Attribute earlier = seen.putIfAbsent(a.name(), a);
        if (earlier != null) {
            throw new HclException("Attribute redefined", "The argument " + Strings.quote(a.name()) + " was already set at "
                    + earlier.nameRange() + ". Each argument may be set only once.", a.nameRange());
        }
    }

    private void requireLineEnd(String summary, String detail) {
        Token t = in.peek();
        if (!t.is(TokenType.NEWLINE) && !t.is(TokenType.EOF)) {
            throw new HclException(summary, detail, t.range());
        }
    }

    private Block block(Token type) {
        List<String> labels = new ArrayList<>();
        SourceRange header = type.range();
        while (in.at(TokenType.OQUOTE) || in.at(TokenType.IDENT)) {
            labels.add(label(in.next()));
            header = header.to(in.previousRange());
        }
        Token open = in.peek();
        if (!open.is(TokenType.LBRACE)) {
            throw new HclException("Invalid block definition",
                    "Either a quoted string block label or an opening brace (\"{\") is expected here.", open.range());
        }
        in.next();
        Body body = in.at(TokenType.NEWLINE) ? body(open) : singleLineBody(open);
        Token close = in.next(); // the "}" that body() stopped at
        return new Block(type.text(), labels, body, type.range(), type.range().to(close.range()), header);
    }

    private String label(Token t) {
        if (t.is(TokenType.IDENT)) {
            return t.text();
        }
        Expression e = expressions.templates().quoted(t);
        if (!(e instanceof LiteralExpr literal)) {
            throw new HclException("Invalid block label", "Template sequences are not allowed in block labels.", e.range());
        }
        return literal.value().asString();
    }

    /** {@code a { b = 1 }}: nothing, or exactly one argument, then the closing brace on the same line. */
    private Body singleLineBody(Token open) {
        List<Attribute> attributes = new ArrayList<>();
        if (!in.at(TokenType.RBRACE)) {
            Token name = in.next();
            if (!name.is(TokenType.IDENT)) {
                throw new HclException("Argument or block definition required", "An argument or block definition is required here.", name.range());
            }
            if (!in.at(TokenType.ASSIGN)) {
                throw new HclException("Invalid single-argument block definition", "A single-line block definition can contain only a single "
                        + "argument. If you meant to define argument " + Strings.quote(name.text()) + ", use an equals sign to assign it a value. "
                        + "To define a nested block, place it on a line of its own within its parent block.", name.range());
            }
            attributes.add(attribute(name));
            if (!in.at(TokenType.RBRACE)) {
                throw new HclException("Invalid single-argument block definition", "A single-line block definition must end with a closing "
                        + "brace immediately after its single argument definition.", in.peek().range());
            }
        }
        return new Body(attributes, List.of(), open.range().to(in.peek().range()));
    }
}
