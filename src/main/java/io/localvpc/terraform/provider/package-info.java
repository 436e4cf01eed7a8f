/**
 * What the Terraform engine asks of a provider, and what each AWS resource and data source type
 * answers. Values cross this boundary as plain Java, exactly as they sit in {@code terraform.tfstate}:
 * {@link java.lang.String}, {@link java.math.BigDecimal} for every number, {@link java.lang.Boolean},
 * {@link java.util.List} (lists, sets and nested blocks), {@link java.util.Map} with string keys
 * (maps and objects, insertion-ordered), {@code null}, and {@link io.localvpc.terraform.provider.Unknown#VALUE}
 * for a value that is only known after apply. The engine converts them to and from the
 * language's values; resource types never see the language.
 */
package io.localvpc.terraform.provider;
