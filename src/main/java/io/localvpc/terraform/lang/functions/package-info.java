/**
 * Terraform's built-in functions, one class per family ({@code StringFunctions},
 * {@code CollectionFunctions}, {@code MapFunctions}, {@code SetFunctions}, {@code NumericFunctions},
 * {@code EncodingFunctions}, {@code CidrFunctions}, {@code FileFunctions},
 * {@code ConversionFunctions}). Most are {@link io.localvpc.terraform.lang.functions.StrictFunction}s,
 * declared with their parameters' types so that argument conversion, null checks, unknown
 * propagation and error wording happen in one place; {@code try} and {@code can} implement
 * {@link io.localvpc.terraform.lang.functions.Function} directly because they must see their
 * arguments' evaluation errors. Not provided: {@code timestamp}, {@code uuid}, {@code bcrypt} and the
 * other non-deterministic functions, the date functions, and provider-defined functions.
 */
package io.localvpc.terraform.lang.functions;
