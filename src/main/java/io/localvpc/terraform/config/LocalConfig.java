package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Attribute;

/** One value of a {@code locals} block. */
public record LocalConfig(String name, Attribute attribute) {}
