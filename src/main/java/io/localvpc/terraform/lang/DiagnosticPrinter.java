package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders diagnostics as Terraform prints them (without colour): the summary, where it happened
 * with the enclosing top-level block, the source lines of the subject, then the detail.
 */
public final class DiagnosticPrinter {

    private final Map<String, String> sources;
    private final Map<String, List<TopLevelBlock>> blocksByFile = new HashMap<>();

    public DiagnosticPrinter(Map<String, String> sourcesByFilename) {
        this.sources = Map.copyOf(sourcesByFilename);
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder("\n");
        out.append(d.severity() == Diagnostic.Severity.ERROR ? "Error: " : "Warning: ").append(d.summary()).append("\n\n");
        SourceRange subject = d.subject();
        if (subject != null) {
            out.append("  on ").append(subject.filename()).append(" line ").append(subject.start().line());
            context(subject).ifPresent(c -> out.append(", in ").append(c));
            out.append(":\n");
            String text = sources.get(subject.filename());
            if (text != null) {
                String[] lines = text.split("\r?\n", -1);
                boolean endsAtLineStart = subject.end().column() == 1 && subject.end().line() > subject.start().line();
                int last = endsAtLineStart ? subject.end().line() - 1 : subject.end().line();
                for (int line = subject.start().line(); line <= last && line <= lines.length; line++) {
                    out.append(String.format("%4d: %s", line, lines[line - 1])).append('\n');
                }
            }
            out.append('\n');
        }
        if (d.detail() != null && !d.detail().isEmpty()) {
            out.append(d.detail()).append('\n');
        }
        return out.toString();
    }

    /** Renders every diagnostic of an exception, one after the other. */
    public String render(HclException e) {
        StringBuilder out = new StringBuilder();
        e.diagnostics().forEach(d -> out.append(render(d)));
        return out.toString();
    }

    private record TopLevelBlock(String header, int startOffset, int endOffset) {}

    /** The top-level block around the subject, named as Terraform names it: resource "aws_vpc" "main". */
    private Optional<String> context(SourceRange subject) {
        int offset = subject.start().offset();
        return blocksByFile.computeIfAbsent(subject.filename(), this::topLevelBlocks).stream()
                .filter(b -> b.startOffset() <= offset && offset < b.endOffset())
                .map(TopLevelBlock::header)
                .findFirst();
    }

    /**
     * The top-level blocks found from the tokens alone (type, labels, "{" at brace depth zero), so
     * that a file which does not parse still names the block a syntax error is in.
     */
    private List<TopLevelBlock> topLevelBlocks(String filename) {
        String text = sources.get(filename);
        List<TopLevelBlock> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(filename, text);
        } catch (HclException e) {
            return blocks; // not even tokens: no block to name
        }
        int depth = 0;
        int headerStart = -1;
        StringBuilder header = new StringBuilder();
        int blockStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0 && t.is(TokenType.IDENT) && (i == 0 || tokens.get(i - 1).is(TokenType.NEWLINE))) {
                headerStart = i;
                header.setLength(0);
                header.append(t.text());
            } else if (depth == 0 && headerStart >= 0 && t.is(TokenType.TEMPLATE_LITERAL)) {
                header.append(' ').append(Strings.quote(t.text()));
            } else if (depth == 0 && headerStart >= 0 && t.is(TokenType.IDENT)) {
                header.append(' ').append(Strings.quote(t.text()));
            } else if (t.is(TokenType.LBRACE)) {
                if (depth == 0 && headerStart >= 0) {
                    blockStart = tokens.get(headerStart).range().start().offset();
                }
                depth++;
            } else if (t.is(TokenType.RBRACE) && depth > 0) {
                depth--;
                if (depth == 0 && headerStart >= 0) {
                    blocks.add(new TopLevelBlock(header.toString(), blockStart, t.range().end().offset()));
                    headerStart = -1;
                }
            } else if (depth == 0 && !t.is(TokenType.OQUOTE) && !t.is(TokenType.CQUOTE)) {
                headerStart = -1; // an argument, not a block header
            }
            if (t.is(TokenType.EOF) && depth > 0 && headerStart >= 0) {
                blocks.add(new TopLevelBlock(header.toString(), blockStart, Integer.MAX_VALUE)); // unclosed: up to the end
            }
        }
        return blocks;
    }
}
