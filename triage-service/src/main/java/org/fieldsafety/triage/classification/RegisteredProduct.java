package org.fieldsafety.triage.classification;

/** A version of a product's registry entry. */
public record RegisteredProduct(String productId, int version, ProductEntry entry) {}
