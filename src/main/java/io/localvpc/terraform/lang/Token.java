package io.localvpc.terraform.lang;

/**
 * One token. {@code text} is the identifier, the number's digits, the unescaped template literal or
 * the heredoc's marker. {@code strip} marks "${~", "%{~" and "~}"; {@code lineStart} marks a heredoc
 * literal that starts a line (so "<<-" can strip indentation); {@code flush} marks "<<-" heredocs.
 */
record Token(TokenType type, String text, SourceRange range, boolean strip, boolean lineStart, boolean flush) {

    Token(TokenType type, String text, SourceRange range) {
        this(type, text, range, false, false, false);
    }

    boolean is(TokenType t) {
        return type == t;
    }

    boolean isKeyword(String word) {
        return type == TokenType.IDENT && text.equals(word);
    }
}
