package org.fieldsafety.intake;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation reach and cascade into every property without asking Hibernate ORM whether it is
 * loaded. The request bodies are records, not JPA entities, yet with ORM present Quarkus' default resolver
 * asked Hibernate about every property of every report: 12 % of intake's CPU in batches of 100
 * (docs/profile.md, section 6). Quarkus uses a bean of this type instead; entities validated on persist
 * keep Hibernate's own resolver. A singleton, so the validator calls it directly, not through a proxy.
 */
@Singleton
public class ValidationTraversal implements TraversableResolver {

    @Override
    public boolean isReachable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(
            Object traversableObject,
            Path.Node traversableProperty,
            Class<?> rootBeanType,
            Path pathToTraversableObject,
            ElementType elementType) {
        return true;
    }
}
