package org.fieldsafety.systemtests;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.fieldsafety.infra.RepositoryLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The architecture's rules, checked on each service's compiled classes (so after the services compiled, as
 * the reactor orders it): the domain model is free of frameworks, no slice reads another slice's entities,
 * Axon commands are sent on worker threads only, every scheduled job waits until the application runs,
 * every test that starts Quarkus is a flow test, and every JSON column compares by value.
 *
 * <p>A service's slices are the packages right below its root ({@code org.fieldsafety.fsca.cases}); each
 * has its domain in the slice package itself and {@code api}, {@code query} and {@code messaging} below
 * it; the root holds the service-wide wiring. fsca's {@code console} is the second web adapter of the
 * cases slice, next to {@code cases.api}.
 */
class ArchitectureTest {

    enum Service {
        INTAKE("intake-service", "org.fieldsafety.intake"),
        TRIAGE("triage-service", "org.fieldsafety.triage"),
        FSCA("fsca-service", "org.fieldsafety.fsca"),
        CHANGE_CONTROL("change-control-service", "org.fieldsafety.changecontrol");

        final String module;
        final String root;

        Service(String module, String root) {
            this.module = module;
            this.root = root;
        }

        /** The classes of {@code target/<output>}, imported once per test run. */
        JavaClasses classes(String output) {
            return imported(module, output);
        }
    }

    /** The modules whose code runs in the services: the services and the platform. */
    private static final List<String> RUNTIME_MODULES = Stream.concat(
                    Stream.of(Service.values()).map(service -> service.module),
                    Stream.of("platform/core", "platform/event-store"))
            .toList();

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The frameworks a domain model must not know: HTTP, Quarkus, persistence, the event loop, the web layer. */
    private static final String[] FRAMEWORKS = {
        "jakarta.ws.rs..",
        "io.quarkus..",
        "org.hibernate..",
        "jakarta.persistence..",
        "io.vertx..",
        "io.smallrye.mutiny..",
        "org.fieldsafety.platform.web.."
    };

    private static final Set<String> SCOPES = Set.of(
            "jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.Dependent",
            "jakarta.inject.Singleton");

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String JDBC_TYPE_CODE = "org.hibernate.annotations.JdbcTypeCode";
    private static final int SQL_TYPES_JSON = 3001;

    /** JDK types that compare by value and hold nothing of ours. */
    private static final List<String> JDK_VALUES = List.of("java.lang.", "java.time.", "java.math.", "java.util.UUID");

    /** JDK containers that compare by their elements, whose types are checked in turn. */
    private static final Set<String> JDK_CONTAINERS =
            Set.of("java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Optional");

    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    private static final String COMMAND_GATEWAY = "org.axonframework.commandhandling.gateway.CommandGateway";

    /**
     * A slice's domain model (aggregates, commands, events, rules, values) knows no framework. The
     * application services and the entities of a slice are its two kinds of framework code: a CDI bean or a
     * JPA entity, and the classes nested in them. fsca's console is a web adapter, not a slice.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void theDomainModelKnowsNoFramework(Service service) {
        classes()
                .that()
                .resideInAPackage(service.root + ".*")
                .and()
                .resideOutsideOfPackage(service.root + ".console")
                .and(describe("are not application services or entities", clazz -> !isBeanOrEntity(clazz)))
                .should()
                .onlyDependOnClassesThat(describe(
                        "are not of JAX-RS, Quarkus, Hibernate, JPA, Vert.x, Mutiny or the platform's web layer",
                        dependency -> Stream.of(FRAMEWORKS).noneMatch(framework -> inPackage(dependency, framework))))
                .because("HTTP and persistence stay out of the domain; only the web layer knows statuses")
                .check(service.classes("classes"));
    }

    /** The slices fsca's console is a second web adapter of, as their {@code api} packages are the first. */
    private static final Set<String> CONSOLED_SLICES = Set.of("cases", "vigilance");

    /**
     * A slice reads another slice's data through that slice's application service or query, never its
     * entities; fsca's console, a web adapter of the cases and vigilance slices, reads their views.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void noSliceReadsAnotherSlicesEntities(Service service) {
        JavaClasses classes = service.classes("classes");
        for (String slice : slices(service, classes)) {
            String own = service.root + "." + slice;
            boolean consoled = CONSOLED_SLICES.contains(slice);
            DescribedPredicate<JavaClass> elsewhere = describe(
                    "are outside the " + slice + " slice" + (consoled ? " and its console" : ""),
                    clazz -> !inPackage(clazz, own + "..")
                            && !(consoled && inPackage(clazz, service.root + ".console..")));
            noClasses()
                    .that(elsewhere)
                    .and()
                    .resideOutsideOfPackage(service.root)
                    .should()
                    .dependOnClassesThat(describe(
                            "are entities of the " + slice + " slice",
                            clazz -> inPackage(clazz, own + "..") && isEntity(topLevel(clazz))))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * Axon is blocking (JDBC, JTA): a command sent from a method that answers a {@code Uni}, {@code Multi}
     * or {@code CompletionStage}, or from an {@code @Incoming} method without {@code @Blocking}, runs its
     * handler and JDBC on the event loop without any error. Such methods must not reach the command gateway,
     * directly, in their lambdas, or through the services they call.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void axonCommandsAreSentOnWorkerThreadsOnly(Service service) {
        methods()
                .that(describe("run on the event loop", ArchitectureTest::runsOnTheEventLoop))
                .should(notReachTheCommandGateway(service))
                .allowEmptyShould(true)
                .check(service.classes("classes"));
    }

    /** A test that starts Quarkus needs Kafka and PostgreSQL: it runs with the flow tests, not in {@code ./mvnw test}. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void everyQuarkusTestIsAFlowTest(Service service) {
        classes()
                .that()
                .areAnnotatedWith("io.quarkus.test.junit.QuarkusTest")
                .should(new ArchCondition<>("be tagged \"flow\"") {
                    @Override
                    public void check(JavaClass clazz, ConditionEvents events) {
                        boolean flow = clazz.tryGetAnnotationOfType("org.junit.jupiter.api.Tag")
                                .map(tag -> "flow".equals(tag.get("value").orElse(null)))
                                .orElse(false);
                        events.add(new SimpleConditionEvent(clazz, flow, clazz.getName() + " is tagged flow"));
                    }
                })
                .check(service.classes("test-classes"));
    }

    /**
     * Quarkus' scheduler fires an interval job as soon as it starts, before the application's start is done:
     * a job that reached the Axon runtime then built it before the Kafka channels were wired, and failed
     * ("Unable to connect an emitter with the channel ..."). Every scheduled job waits for the start.
     */
    @Test
    void everyScheduledJobWaitsUntilTheApplicationRuns() {
        for (String module : RUNTIME_MODULES) {
            methods()
                    .that()
                    .areAnnotatedWith(SCHEDULED)
                    .should(new ArchCondition<>("skip executions until the application runs") {
                        @Override
                        public void check(JavaMethod method, ConditionEvents events) {
                            boolean waits = method.getAnnotationOfType(SCHEDULED)
                                    .get("skipExecutionIf")
                                    .map(skip ->
                                            ((JavaClass) skip).getName().equals(SCHEDULED + "$ApplicationNotRunning"))
                                    .orElse(false);
                            events.add(new SimpleConditionEvent(
                                    method, waits, method.getFullName() + " skips until the application runs"));
                        }
                    })
                    .allowEmptyShould(true)
                    .check(imported(module, "classes"));
        }
    }

    /**
     * Hibernate keeps a copy of each JSON column's value, made through JSON, and at every flush compares the
     * entity's value with it by {@code equals}. A type without value equality always reads as changed, so every
     * view a batch loaded or inserted was written again by an update. So a JSON column's type, and all it
     * holds, compares by value: a record, an enum, a JDK value, a JDK collection of such, or a class that
     * declares {@code equals} itself.
     */
    @Test
    void everyJsonColumnComparesByValue() {
        JavaClasses all = new ClassFileImporter()
                .importPaths(Stream.concat(RUNTIME_MODULES.stream(), Stream.of("contracts"))
                        .map(module -> RepositoryLayout.root().resolve(module).resolve("target/classes"))
                        .toList());
        List<String> violations = new ArrayList<>();
        for (JavaClass entity : all) {
            for (JavaField field : entity.getFields()) {
                boolean json = field.tryGetAnnotationOfType(JDBC_TYPE_CODE)
                        .map(code -> code.get("value").orElse(0).equals(SQL_TYPES_JSON))
                        .orElse(false);
                if (json) {
                    requireValueEquality(field.getType(), field.getFullName(), new HashSet<>(), violations);
                }
            }
        }
        assertEquals(List.of(), violations, "JSON column values without value equality");
    }

    private static void requireValueEquality(JavaType type, String path, Set<String> seen, List<String> violations) {
        JavaClass raw = type.toErasure();
        String name = raw.getName();
        if (raw.isPrimitive() || raw.isEnum() || JDK_VALUES.stream().anyMatch(name::startsWith)) {
            return;
        }
        if (JDK_CONTAINERS.contains(name)) {
            if (type instanceof JavaParameterizedType parameterized) {
                parameterized
                        .getActualTypeArguments()
                        .forEach(element -> requireValueEquality(element, path + "<>", seen, violations));
            }
            return;
        }
        if (!seen.add(name)) {
            return;
        }
        if (!raw.isRecord() && raw.tryGetMethod("equals", Object.class).isEmpty()) {
            violations.add(path + ": " + name + " declares no equals");
            return;
        }
        raw.getFields().stream()
                .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                .forEach(
                        field -> requireValueEquality(field.getType(), path + "." + field.getName(), seen, violations));
    }

    /** The classes of {@code <module>/target/<output>}, imported once per test run. */
    private static JavaClasses imported(String module, String output) {
        return IMPORTED.computeIfAbsent(module + "/" + output, key -> {
            Path classes =
                    RepositoryLayout.root().resolve(module).resolve("target").resolve(output);
            assertTrue(Files.isDirectory(classes), classes + " is missing: compile the services first");
            return new ClassFileImporter().importPath(classes);
        });
    }

    private static List<String> slices(Service service, JavaClasses classes) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(service.root + "."))
                .map(name -> name.substring(service.root.length() + 1).split("\\.")[0])
                .distinct()
                .toList();
    }

    private static boolean runsOnTheEventLoop(JavaMethod method) {
        String returned = method.getRawReturnType().getName();
        boolean reactive = returned.equals("io.smallrye.mutiny.Uni")
                || returned.equals("io.smallrye.mutiny.Multi")
                || returned.equals("java.util.concurrent.CompletionStage");
        boolean incoming = method.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming");
        return (reactive || incoming) && !method.isAnnotatedWith("io.smallrye.common.annotation.Blocking");
    }

    /** Follows the calls into the service's own code, and into the lambdas of each method, to the gateway. */
    private static ArchCondition<JavaMethod> notReachTheCommandGateway(Service service) {
        return new ArchCondition<>("not reach the Axon command gateway") {
            @Override
            public void check(JavaMethod start, ConditionEvents events) {
                Set<JavaMethod> seen = new HashSet<>();
                Deque<JavaMethod> next = new ArrayDeque<>(List.of(start));
                while (!next.isEmpty()) {
                    JavaMethod method = next.pop();
                    if (!seen.add(method)) {
                        continue;
                    }
                    for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                        if (call.getTargetOwner().getName().equals(COMMAND_GATEWAY)) {
                            events.add(SimpleConditionEvent.violated(
                                    start, start.getFullName() + " reaches " + call.getDescription()));
                            return;
                        }
                        Optional<JavaMethod> target = call.getTarget().resolveMember();
                        if (target.isPresent() && inPackage(target.get().getOwner(), service.root + "..")) {
                            next.push(target.get());
                        }
                    }
                    method.getOwner().getMethods().stream()
                            .filter(lambda -> lambda.getName().startsWith("lambda$" + method.getName() + "$"))
                            .forEach(next::push);
                }
            }
        };
    }

    private static boolean isBeanOrEntity(JavaClass clazz) {
        JavaClass top = topLevel(clazz);
        return isEntity(top)
                || top.getAnnotations().stream()
                        .map(JavaAnnotation::getRawType)
                        .anyMatch(type -> SCOPES.contains(type.getName()));
    }

    private static boolean isEntity(JavaClass clazz) {
        return clazz.isAnnotatedWith(ENTITY);
    }

    private static JavaClass topLevel(JavaClass clazz) {
        JavaClass top = clazz;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static boolean inPackage(JavaClass clazz, String pattern) {
        String name = clazz.getPackageName();
        return pattern.endsWith("..")
                ? name.equals(pattern.substring(0, pattern.length() - 2))
                        || name.startsWith(pattern.substring(0, pattern.length() - 1))
                : name.equals(pattern);
    }
}
