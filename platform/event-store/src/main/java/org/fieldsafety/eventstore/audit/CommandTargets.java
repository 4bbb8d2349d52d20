package org.fieldsafety.eventstore.audit;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The aggregate a command targets: its {@code @TargetAggregateIdentifier} member, found as Axon's
 * {@link AnnotationCommandTargetResolver} finds it (the first annotated method, else the first annotated
 * field, inherited ones included), but once per command class. Axon's looks for it by reflection on every
 * call, and a command is resolved three times (its lock stripe, its repository, its audit link); that was
 * about 4 % of the fsca and change-control services' profile samples (docs/profile.md section 17).
 *
 * <p>The version a command expects travels as the {@value AuditedCommands#EXPECTED_VERSION} metadata, so a
 * command class that carries a {@code @TargetAggregateVersion} is refused rather than its version ignored.
 */
public final class CommandTargets {

    private static final ClassValue<AccessibleObject> MEMBERS = new ClassValue<>() {
        @Override
        protected AccessibleObject computeValue(Class<?> type) {
            if (annotated(type, TargetAggregateVersion.class) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has a @TargetAggregateVersion; a command's"
                        + " expected version is its " + AuditedCommands.EXPECTED_VERSION + " metadata");
            }
            AccessibleObject member = annotated(type, TargetAggregateIdentifier.class);
            return member == null ? null : ReflectionUtils.ensureAccessible(member);
        }
    };

    private CommandTargets() {}

    /**
     * The identifier of the aggregate {@code command} targets.
     *
     * @throws IllegalArgumentException when the command names none, as Axon's resolver does
     */
    public static String aggregateId(Object command) {
        AccessibleObject member = MEMBERS.get(command.getClass());
        Object id = member == null ? null : value(member, command);
        if (id == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields"
                            + " or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and"
                            + " that it returns a non-null value.",
                    command.getClass().getSimpleName()));
        }
        return id.toString();
    }

    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return method;
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return field;
            }
        }
        return null;
    }

    private static Object value(AccessibleObject member, Object command) {
        try {
            return member instanceof Method method ? method.invoke(command) : ((Field) member).get(command);
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information from a command", e);
        }
    }
}
