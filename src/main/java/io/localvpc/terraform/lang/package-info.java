/**
 * The Terraform language for LocalVPC's built-in engine: the HCL native syntax and Terraform's
 * expressions, types and functions, with cty's value semantics.
 *
 * <p>Reading order: {@link io.localvpc.terraform.lang.HclParser} is the entry point. {@code Lexer}
 * turns text into {@code Token}s in three modes (expressions, quoted templates, heredocs);
 * {@code BodyParser}, {@code ExpressionParser} and {@code TemplateParser} build the syntax tree:
 * {@link io.localvpc.terraform.lang.Body}, {@link io.localvpc.terraform.lang.Attribute},
 * {@link io.localvpc.terraform.lang.Block} and one record per kind of
 * {@link io.localvpc.terraform.lang.Expression} ({@code LiteralExpr}, {@code ScopeTraversalExpr},
 * {@code TemplateExpr}, {@code ForExpr}, {@code SplatExpr}, ...), each evaluating itself against an
 * {@link io.localvpc.terraform.lang.EvalContext}.
 *
 * <p>Values: {@link io.localvpc.terraform.lang.Value} (known, null or unknown, typed) and
 * {@link io.localvpc.terraform.lang.Type}; {@code Conversions} holds cty's conversion and
 * unification rules, {@code Access} attribute and index lookups, {@code Operator} the binary operators.
 *
 * <p>Problems are {@link io.localvpc.terraform.lang.HclException}s carrying
 * {@link io.localvpc.terraform.lang.Diagnostic}s worded as Terraform words them;
 * {@link io.localvpc.terraform.lang.DiagnosticPrinter} renders them with the source line.
 */
package io.localvpc.terraform.lang;
