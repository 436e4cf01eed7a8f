package io.localvpc.model.iam;

/** An IAM tag: IAM keeps tags in order with each entity, unlike EC2's tag table. */
public record Tag(String key, String value) {}
