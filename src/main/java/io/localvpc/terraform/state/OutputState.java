package io.localvpc.terraform.state;

/**
 * A root module output as {@code terraform.tfstate} keeps it.
 *
 * @param value the plain value
 * @param type its type as Terraform writes types in JSON: {@code "string"}, {@code ["list","string"]},
 *     {@code ["object",{"a":"number"}]} (plain Java: a String or nested Lists and Maps)
 */
public record OutputState(Object value, Object type, boolean sensitive) {}
