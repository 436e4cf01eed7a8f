package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

/**
 * Parses templates (quoted strings, heredocs, template files) into parts. First a flat list of
 * items is read, so that strip markers ("~") and heredoc indentation ("<<-") can trim the literal
 * text around them; then if/for directives are nested into a tree.
 */
final class TemplateParser {

    private final TokenStream in;
    private final ExpressionParser expressions;
    /** Which directive ended the last nested part list ("else" or "endif" matters to an if). */
    private String lastTerminator;

    TemplateParser(TokenStream in, ExpressionParser expressions) {
        this.in = in;
        this.expressions = expressions;
    }

    private sealed interface Item {
        SourceRange range();
    }

    private record Text(StringBuilder text, boolean lineStart, SourceRange range) implements Item {}

    private record Interp(Expression expression, boolean stripBefore, boolean stripAfter, SourceRange range) implements Item {}

    private record Directive(String keyword, Expression condition, ExpressionParser.ForHeader forHeader,
                             boolean stripBefore, boolean stripAfter, SourceRange range) implements Item {}

    Expression quoted(Token open) {
        List<Item> items = items(TokenType.CQUOTE, open);
        return build(items, open.range().to(in.previousRange()));
    }

    Expression heredoc(Token open) {
        List<Item> items = items(TokenType.CHEREDOC, open);
        if (open.flush()) {
            stripIndentation(items);
        }
        return build(items, open.range().to(in.previousRange()));
    }

    /** A whole template file: text up to the end of input. */
    Expression file(SourceRange whole) {
        return build(items(TokenType.EOF, null), whole);
    }

    private List<Item> items(TokenType end, Token open) {
        List<Item> items = new ArrayList<>();
        while (true) {
            Token t = in.next();
            if (t.is(end)) {
                return items;
            }
            switch (t.type()) {
                case TEMPLATE_LITERAL -> items.add(new Text(new StringBuilder(t.text()), t.lineStart(), t.range()));
                case TEMPLATE_INTERP -> items.add(interpolation(t));
                case TEMPLATE_CONTROL -> items.add(directive(t));
                default -> throw new HclException("Unterminated template string", "No closing marker was found for the string.",
                        open == null ? t.range() : open.range());
            }
        }
    }

    private Item interpolation(Token open) {
        in.newlines(false);
        Expression e = expressions.expression();
        Token close = sequenceEnd("interpolation expression");
        in.restoreNewlines();
        return new Interp(e, open.strip(), close.strip(), open.range().to(close.range()));
    }

    private Item directive(Token open) {
        in.newlines(false);
        Token keyword = in.next();
        Expression condition = null;
        ExpressionParser.ForHeader header = null;
        String word = keyword.is(TokenType.IDENT) ? keyword.text() : "";
        switch (word) {
            case "if" -> condition = expressions.expression();
            case "for" -> header = expressions.forHeader();
            case "else", "endif", "endfor" -> { }
            default -> throw new HclException("Invalid template directive",
                    "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.", keyword.range());
        }
        Token close = sequenceEnd("template directive");
        in.restoreNewlines();
        return new Directive(word, condition, header, open.strip(), close.strip(), open.range().to(close.range()));
    }

    private Token sequenceEnd(String what) {
        Token close = in.next();
        if (!close.is(TokenType.TEMPLATE_SEQ_END)) {
            throw new HclException("Extra characters after " + what,
                    "Expected a closing brace to end the " + what + ", but found extra characters.", close.range());
        }
        return close;
    }

    // --- trimming -------------------------------------------------------------------------

    /** "<<-": removes the indentation common to all lines (blank lines do not count). */
    private static void stripIndentation(List<Item> items) {
        int common = Integer.MAX_VALUE;
        for (Item item : items) {
            // A blank line does not count, but whitespace before a sequence on the same line does.
            if (item instanceof Text t && t.lineStart() && !(t.text().toString().isBlank() && t.text().toString().endsWith("\n"))) {
                common = Math.min(common, indentation(t.text()));
            }
        }
        if (common == Integer.MAX_VALUE) {
            return;
        }
        for (Item item : items) {
            if (item instanceof Text t && t.lineStart()) {
                t.text().delete(0, Math.min(common, indentation(t.text())));
            }
        }
    }

    private static int indentation(CharSequence s) {
        int n = 0;
        while (n < s.length() && (s.charAt(n) == ' ' || s.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** "${~" and "%{~" trim the whitespace before them; "~}" trims the whitespace after. */
    private static void applyStripMarkers(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            boolean before = items.get(i) instanceof Interp p ? p.stripBefore() : items.get(i) instanceof Directive d && d.stripBefore();
            boolean after = items.get(i) instanceof Interp p ? p.stripAfter() : items.get(i) instanceof Directive d && d.stripAfter();
            if (before && i > 0 && items.get(i - 1) instanceof Text t) {
                int end = t.text().length();
                while (end > 0 && Character.isWhitespace(t.text().charAt(end - 1))) {
                    end--;
                }
                t.text().setLength(end);
            }
            if (after && i + 1 < items.size() && items.get(i + 1) instanceof Text t) {
                int start = 0;
                while (start < t.text().length() && Character.isWhitespace(t.text().charAt(start))) {
                    start++;
                }
                t.text().delete(0, start);
            }
        }
    }

    // --- nesting --------------------------------------------------------------------------

    private Expression build(List<Item> items, SourceRange range) {
        applyStripMarkers(items);
        List<TemplatePart> parts = nest(items.listIterator(), null, Set.of());
        List<TemplatePart> meaningful = parts.stream().filter(p -> !(p instanceof TemplatePart.Literal l && l.text().isEmpty())).toList();
        if (meaningful.size() == 1 && meaningful.get(0) instanceof TemplatePart.Interpolation single) {
            return new TemplateWrapExpr(single.expression(), range);
        }
        if (meaningful.stream().allMatch(p -> p instanceof TemplatePart.Literal)) {
            StringBuilder text = new StringBuilder();
            meaningful.forEach(p -> text.append(((TemplatePart.Literal) p).text()));
            return new LiteralExpr(Value.string(text.toString()), range);
        }
        return new TemplateExpr(meaningful, range);
    }

    /** Parts up to one of the terminators (an "else", "endif" or "endfor" directive), which is left in {@code ended}. */
    private List<TemplatePart> nest(ListIterator<Item> it, Directive opener, Set<String> terminators) {
        List<TemplatePart> parts = new ArrayList<>();
        while (it.hasNext()) {
            Item item = it.next();
            if (item instanceof Text t) {
                parts.add(new TemplatePart.Literal(t.text().toString()));
            } else if (item instanceof Interp p) {
                parts.add(new TemplatePart.Interpolation(p.expression()));
            } else {
                Directive d = (Directive) item;
                switch (d.keyword()) {
                    case "if" -> parts.add(ifDirective(it, d));
                    case "for" -> {
                        List<TemplatePart> body = nest(it, d, Set.of("endfor"));
                        ExpressionParser.ForHeader h = d.forHeader();
                        parts.add(new TemplatePart.For(h.keyVar(), h.valueVar(), h.collection(), body));
                    }
                    default -> {
                        if (!terminators.contains(d.keyword())) {
                            throw new HclException("Unexpected " + d.keyword() + " directive", "The %{ " + d.keyword()
                                    + " } directive does not belong here: there is no matching opening directive.", d.range());
                        }
                        lastTerminator = d.keyword();
                        return parts;
                    }
                }
            }
        }
        if (opener != null) {
            String closing = opener.keyword().equals("if") ? "endif" : "endfor";
            throw new HclException("Unterminated template directive",
                    "There is no %{ " + closing + " } to close this %{ " + opener.keyword() + " } directive.", opener.range());
        }
        return parts;
    }

    private TemplatePart ifDirective(ListIterator<Item> it, Directive d) {
        List<TemplatePart> then = nest(it, d, Set.of("else", "endif"));
        List<TemplatePart> otherwise = List.of();
        if ("else".equals(lastTerminator)) {
            otherwise = nest(it, d, Set.of("endif"));
        }
        return new TemplatePart.If(d.condition(), then, otherwise);
    }
}
