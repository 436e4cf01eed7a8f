package io.localvpc.terraform.lang;

import java.util.List;

/** An expression of the syntax tree, with its source range. */
public interface Expression {

    /** Evaluates; throws HclException with the expression's range. */
    Value evaluate(EvalContext context);

    /** Every variable traversal inside, in source order (including inside templates, for expressions and function arguments). */
    List<Traversal> references();

    SourceRange range();

    /** The traversal when the expression is nothing but a reference (depends_on = [aws_vpc.main]); else null. */
    default Traversal asTraversal() {
        return null;
    }

    /** The list elements when the expression is a tuple constructor [a, b]; else null. */
    default List<Expression> asTupleElements() {
        return null;
    }

    /** The keyword when the expression is a bare identifier like {@code all} or {@code string}; else null. */
    default String asKeyword() {
        return null;
    }
}
