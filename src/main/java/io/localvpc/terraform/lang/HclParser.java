package io.localvpc.terraform.lang;

import java.util.List;

/** Entry points of the HCL native syntax parser. */
public final class HclParser {

    private HclParser() {}

    /** Parses one .tf file (UTF-8 text). Throws HclException with Terraform-like syntax errors. */
    public static Body parseFile(String filename, String text) {
        TokenStream in = new TokenStream(Lexer.tokenize(filename, text));
        return new BodyParser(in, new ExpressionParser(in), filename).file();
    }

    /** Parses a standalone expression (for -var values of complex types, tests). */
    public static Expression parseExpression(String filename, String text) {
        TokenStream in = new TokenStream(Lexer.tokenize(filename, text));
        in.newlines(false);
        Expression e = new ExpressionParser(in).expression();
        Token rest = in.peek();
        if (!rest.is(TokenType.EOF)) {
            throw new HclException("Extra characters after expression",
                    "An expression was successfully parsed, but extra characters were found after it.", rest.range());
        }
        return e;
    }

    /** Parses a bare template, as templatefile() reads its file: text with ${...} and %{...} sequences. */
    public static Expression parseTemplate(String filename, String text) {
        List<Token> tokens = Lexer.tokenizeTemplate(filename, text);
        TokenStream in = new TokenStream(tokens);
        SourceRange whole = new SourceRange(filename, new SourcePos(1, 1, 0), tokens.get(tokens.size() - 1).range().end());
        return new ExpressionParser(in).templates().file(whole);
    }
}
