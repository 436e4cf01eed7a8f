package io.localvpc.terraform.lang;

/** The kinds of tokens of the HCL native syntax, including the template tokens inside strings and heredocs. */
enum TokenType {
    IDENT, NUMBER,
    OQUOTE, CQUOTE, OHEREDOC, CHEREDOC,
    /** Literal text of a template; its text is already unescaped. */
    TEMPLATE_LITERAL,
    /** "${" (or "${~"), "%{" (or "%{~"), and the "}" (or "~}") that ends either. */
    TEMPLATE_INTERP, TEMPLATE_CONTROL, TEMPLATE_SEQ_END,
    LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
    COMMA(","), DOT("."), ELLIPSIS("..."), COLON(":"), QUESTION("?"), FAT_ARROW("=>"), ASSIGN("="),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
    EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    AND("&&"), OR("||"), BANG("!"),
    NEWLINE, EOF;

    final String symbol;

    TokenType() {
        this(null);
    }

    TokenType(String symbol) {
        this.symbol = symbol;
    }
}
