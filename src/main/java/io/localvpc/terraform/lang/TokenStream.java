package io.localvpc.terraform.lang;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The parser's view of the tokens. Newlines end arguments in bodies and separate object items, but
 * mean nothing inside parentheses, brackets and interpolations: the parser says which applies and
 * the stream skips NEWLINE tokens where they mean nothing.
 */
final class TokenStream {

    private final List<Token> tokens;
    private int index;
    private final Deque<Boolean> newlinesSignificant = new ArrayDeque<>();

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
        newlinesSignificant.push(true);
    }

    Token peek() {
        skipInsignificantNewlines();
        return tokens.get(index);
    }

    Token next() {
        skipInsignificantNewlines();
        Token t = tokens.get(index);
        if (!t.is(TokenType.EOF)) {
            index++;
        }
        return t;
    }

    boolean at(TokenType type) {
        return peek().is(type);
    }

    /** Consumes the token if it is of the given type. */
    boolean accept(TokenType type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    /** The token after the next one (newline rules applied to the next only). */
    Token peekSecond() {
        skipInsignificantNewlines();
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    void newlines(boolean significant) {
        newlinesSignificant.push(significant);
    }

    void restoreNewlines() {
        newlinesSignificant.pop();
    }

    void skipNewlines() {
        while (tokens.get(index).is(TokenType.NEWLINE)) {
            index++;
        }
    }

    /** The range of the previous token (for ranges ending at a closing bracket). */
    SourceRange previousRange() {
        return tokens.get(Math.max(0, index - 1)).range();
    }

    private void skipInsignificantNewlines() {
        if (!newlinesSignificant.peek()) {
            skipNewlines();
        }
    }
}
