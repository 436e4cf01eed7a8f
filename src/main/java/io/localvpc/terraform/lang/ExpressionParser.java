package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for expressions, following the HCL native syntax spec: conditional
 * lowest, then the binary operators by precedence level, unary operators, and terms with their
 * postfix traversals (attributes, indexes, splats).
 */
final class ExpressionParser {

    private final TokenStream in;
    private final TemplateParser templates;
    private int splats;

    ExpressionParser(TokenStream in) {
        this.in = in;
        this.templates = new TemplateParser(in, this);
    }

    TemplateParser templates() {
        return templates;
    }

    Expression expression() {
        Expression condition = binary(Operator.LOWEST);
        if (!in.accept(TokenType.QUESTION)) {
            return condition;
        }
        Expression whenTrue = expression();
        if (!in.accept(TokenType.COLON)) {
            throw new HclException("Missing false expression in conditional",
                    "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", in.peek().range());
        }
        Expression whenFalse = expression();
        return new ConditionalExpr(condition, whenTrue, whenFalse, condition.range().to(whenFalse.range()));
    }

    private Expression binary(int level) {
        if (level > Operator.HIGHEST) {
            return unary();
        }
        Expression left = binary(level + 1);
        while (true) {
            Operator op = Operator.of(in.peek().type());
            if (op == null || op.precedence != level) {
                return left;
            }
            in.next();
            Expression right = binary(level + 1);
            left = new BinaryExpr(op, left, right, left.range().to(right.range()));
        }
    }

    private Expression unary() {
        Token t = in.peek();
        if (t.is(TokenType.MINUS) || t.is(TokenType.BANG)) {
            in.next();
            Expression operand = unary();
            return new UnaryExpr(t.is(TokenType.MINUS), operand, t.range().to(operand.range()));
        }
        return postfix(term());
    }

    private Expression term() {
        Token t = in.next();
        switch (t.type()) {
            case NUMBER:
                return new LiteralExpr(Value.number(new BigDecimal(t.text())), t.range());
            case IDENT:
                return identifier(t);
            case OQUOTE:
                return templates.quoted(t);
            case OHEREDOC:
                return templates.heredoc(t);
            case LPAREN:
                in.newlines(false);
                Expression inner = expression();
                expect(TokenType.RPAREN, "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.");
                in.restoreNewlines();
                return new ParenExpr(inner, t.range().to(in.previousRange()));
            case LBRACK:
                return tupleOrFor(t);
            case LBRACE:
                return objectOrFor(t);
            default:
                throw invalidExpression(t);
        }
    }

    static HclException invalidExpression(Token t) {
        return new HclException("Invalid expression", "Expected the start of an expression, but found an invalid expression token.", t.range());
    }

    private Expression identifier(Token t) {
        switch (t.text()) {
            case "true":
                return new LiteralExpr(Value.TRUE, t.range());
            case "false":
                return new LiteralExpr(Value.FALSE, t.range());
            case "null":
                return new LiteralExpr(Value.NULL, t.range());
            default:
                if (in.at(TokenType.LPAREN)) {
                    return call(t);
                }
                return new ScopeTraversalExpr(new Traversal(t.text(), List.of(), t.range()));
        }
    }

    private Expression call(Token name) {
        in.next();
        in.newlines(false);
        List<Expression> args = new ArrayList<>();
        boolean expand = false;
        while (!in.at(TokenType.RPAREN)) {
            if (expand) {
                throw new HclException("Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed "
                        + "by closing parentheses.", in.peek().range());
            }
            args.add(expression());
            expand = in.accept(TokenType.ELLIPSIS);
            if (!in.accept(TokenType.COMMA) && !in.at(TokenType.RPAREN)) {
                throw new HclException("Missing argument separator",
                        "A comma is required to separate each function argument from the next.", in.peek().range());
            }
        }
        in.next();
        in.restoreNewlines();
        return new FunctionCallExpr(name.text(), args, expand, name.range(), name.range().to(in.previousRange()));
    }

    // --- postfix traversals ---------------------------------------------------------------

    private Expression postfix(Expression expr) {
        while (true) {
            Token t = in.peek();
            if (t.is(TokenType.DOT)) {
                Token after = in.peekSecond();
                if (after.is(TokenType.STAR)) {
                    in.next();
                    in.next();
                    expr = splat(expr, true, t.range().to(after.range()));
                } else {
                    expr = dotStep(expr);
                }
            } else if (t.is(TokenType.LBRACK)) {
                if (in.peekSecond().is(TokenType.STAR)) {
                    in.next();
                    in.next();
                    SourceRange close = closeIndexBracket();
                    expr = splat(expr, false, t.range().to(close));
                } else {
                    expr = bracketStep(expr);
                }
            } else {
                return expr;
            }
        }
    }

    /** ".name" or the legacy index ".0" (a number token like "0.1" holds two such indexes). */
    private Expression dotStep(Expression expr) {
        Token dot = in.next();
        Token after = in.next();
        if (after.is(TokenType.IDENT)) {
            return attr(expr, after.text(), dot.range().to(after.range()));
        }
        if (after.is(TokenType.NUMBER) && after.text().matches("\\d+(\\.\\d+)?")) {
            for (String part : after.text().split("\\.")) {
                expr = index(expr, new LiteralExpr(Value.number(new BigDecimal(part)), after.range()), dot.range().to(after.range()));
            }
            return expr;
        }
        throw new HclException("Invalid attribute name", "An attribute name is required after a dot.", after.range());
    }

    private Expression bracketStep(Expression expr) {
        Token open = in.next();
        in.newlines(false);
        Expression key = expression();
        SourceRange close = closeIndexBracket();
        in.restoreNewlines();
        return index(expr, key, open.range().to(close));
    }

    private Expression attr(Expression source, String name, SourceRange stepRange) {
        if (source instanceof ScopeTraversalExpr s) {
            return new ScopeTraversalExpr(extend(s.traversal(), new Traversal.GetAttr(name, stepRange)));
        }
        return new GetAttrExpr(source, name, stepRange, source.range().to(stepRange));
    }

    private Expression index(Expression source, Expression key, SourceRange stepRange) {
        if (source instanceof ScopeTraversalExpr s && key instanceof LiteralExpr literal && !literal.value().isNull()
                && literal.value().type().isPrimitive()) {
            return new ScopeTraversalExpr(extend(s.traversal(), new Traversal.Index(literal.value(), stepRange)));
        }
        return new IndexExpr(source, key, stepRange, source.range().to(stepRange));
    }

    private static Traversal extend(Traversal t, Traversal.Step step) {
        List<Traversal.Step> steps = new ArrayList<>(t.steps());
        steps.add(step);
        return new Traversal(t.root(), steps, t.range().to(step.range()));
    }

    /**
     * The traversal after a splat applies to each element: all following attribute and index steps
     * for "[*]", only attribute steps for the legacy ".*".
     */
    private Expression splat(Expression source, boolean attributesOnly, SourceRange splatRange) {
        String slot = "*splat" + (splats++);
        Expression each = new SplatItemExpr(slot, splatRange);
        while (true) {
            Token t = in.peek();
            if (t.is(TokenType.DOT) && !in.peekSecond().is(TokenType.STAR)) {
                each = dotStep(each);
            } else if (t.is(TokenType.LBRACK) && !attributesOnly) {
                if (in.peekSecond().is(TokenType.STAR)) {
                    in.next();
                    in.next();
                    SourceRange close = closeIndexBracket();
                    each = splat(each, false, t.range().to(close));
                } else {
                    each = bracketStep(each);
                }
            } else {
                break;
            }
        }
        SourceRange end = each instanceof SplatItemExpr ? splatRange : each.range();
        return new SplatExpr(source, each, slot, source.range().to(end));
    }

    // --- constructors and for expressions -------------------------------------------------

    private Expression tupleOrFor(Token open) {
        in.newlines(false);
        if (in.peek().isKeyword("for") && in.peekSecond().is(TokenType.IDENT)) {
            Expression e = forExpression(open, TokenType.RBRACK);
            in.restoreNewlines();
            return e;
        }
        List<Expression> elements = new ArrayList<>();
        while (!in.at(TokenType.RBRACK)) {
            elements.add(expression());
            if (!in.accept(TokenType.COMMA) && !in.at(TokenType.RBRACK)) {
                throw new HclException("Missing item separator", "Expected a comma to mark the beginning of the next item.", in.peek().range());
            }
        }
        in.next();
        in.restoreNewlines();
        return new TupleExpr(elements, open.range().to(in.previousRange()));
    }

    private Expression objectOrFor(Token open) {
        in.newlines(false);
        if (in.peek().isKeyword("for") && in.peekSecond().is(TokenType.IDENT)) {
            Expression e = forExpression(open, TokenType.RBRACE);
            in.restoreNewlines();
            return e;
        }
        in.restoreNewlines();
        in.newlines(true); // newlines separate the items of an object
        List<ObjectExpr.Item> items = new ArrayList<>();
        in.skipNewlines();
        while (!in.at(TokenType.RBRACE)) {
            if (in.at(TokenType.EOF)) {
                throw new HclException("Missing attribute separator",
                        "Expected a newline or comma to mark the beginning of the next attribute.", in.peek().range());
            }
            Expression key = objectKey(expression());
            if (!in.accept(TokenType.ASSIGN) && !in.accept(TokenType.COLON)) {
                throw new HclException("Missing key/value separator",
                        "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", in.peek().range());
            }
            Expression value = expression();
            items.add(new ObjectExpr.Item(key, value));
            boolean separated = in.accept(TokenType.COMMA) | in.at(TokenType.NEWLINE);
            in.skipNewlines();
            if (!separated && !in.at(TokenType.RBRACE)) {
                throw new HclException("Missing attribute separator",
                        "Expected a newline or comma to mark the beginning of the next attribute.", in.peek().range());
            }
        }
        in.next();
        in.restoreNewlines();
        return new ObjectExpr(items, open.range().to(in.previousRange()));
    }

    /** A bare name as an object key is the attribute's name, not a reference; anything else is evaluated. */
    private static Expression objectKey(Expression key) {
        String keyword = key.asKeyword();
        return keyword != null ? new LiteralExpr(Value.string(keyword), key.range()) : key;
    }

    private Expression forExpression(Token open, TokenType close) {
        in.next(); // "for"
        ForHeader header = forHeader();
        expect(TokenType.COLON, "Invalid 'for' expression", "A colon is required after the collection expression of a 'for' expression.");
        Expression keyExpr = null;
        if (close == TokenType.RBRACE) {
            keyExpr = expression();
            expect(TokenType.FAT_ARROW, "Invalid 'for' expression", "Key expression is required when building an object.");
        }
        Expression valueExpr = expression();
        boolean group = close == TokenType.RBRACE && in.accept(TokenType.ELLIPSIS);
        Expression condition = null;
        if (in.peek().isKeyword("if")) {
            in.next();
            condition = expression();
        }
        SourceRange end = expect(close, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.");
        return new ForExpr(header.keyVar, header.valueVar, header.collection, keyExpr, valueExpr, condition, group, open.range().to(end));
    }

    /** "k, v in collection" after the "for" keyword, shared by for expressions and template for directives. */
    record ForHeader(String keyVar, String valueVar, Expression collection) {}

    ForHeader forHeader() {
        Token first = expectToken(TokenType.IDENT, "Invalid 'for' expression", "For expression requires variable name after 'for'.");
        Token second = null;
        if (in.accept(TokenType.COMMA)) {
            second = expectToken(TokenType.IDENT, "Invalid 'for' expression", "For expression requires value variable name after comma.");
        }
        if (!in.peek().isKeyword("in")) {
            throw new HclException("Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.", in.peek().range());
        }
        in.next();
        Expression collection = expression();
        return second == null ? new ForHeader(null, first.text(), collection) : new ForHeader(first.text(), second.text(), collection);
    }

    // --- helpers --------------------------------------------------------------------------

    private SourceRange closeIndexBracket() {
        return expect(TokenType.RBRACK, "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").");
    }

    SourceRange expect(TokenType type, String summary, String detail) {
        return expectToken(type, summary, detail).range();
    }

    Token expectToken(TokenType type, String summary, String detail) {
        Token t = in.peek();
        if (!t.is(type)) {
            throw new HclException(summary, detail, t.range());
        }
        return in.next();
    }
}
