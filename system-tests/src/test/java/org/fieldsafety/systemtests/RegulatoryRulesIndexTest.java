package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/regulatory-rules.md indexes every rule class, and names only classes and tests that exist. The
 * definition of a rule class is the one stated at the top of that document ({@link #isRuleClass}).
 */
class RegulatoryRulesIndexTest {

    private static final String DOCUMENT = "docs/regulatory-rules.md";

    /** An article or clause of the texts the system implements. */
    static final Pattern CITATION = Pattern.compile("Art\\.\\s*\\d|21\\s+CFR|IEC\\s+62304|IEC/TR\\s+80002|ISO\\s+14971"
            + "|ISO/TR\\s+24971|ISO\\s+13485|MDCG\\s+\\d{4}|5\\s+U\\.S\\.C\\.");

    /** Packages that hold adapters, never rules. */
    private static final Set<String> ADAPTER_PACKAGES =
            Set.of("api", "query", "messaging", "console", "config", "security");

    /** A record or enum that only overrides these still only carries data. */
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "equals", "hashCode");

    private static final Set<String> ADAPTER_TYPE_ANNOTATIONS = Set.of("Path", "Entity", "ConfigMapping");
    private static final Set<String> ADAPTER_METHOD_ANNOTATIONS =
            Set.of("Incoming", "EventHandler", "Scheduled", "ServerExceptionMapper");

    private static final Pattern HEADER = Pattern.compile(
            "\\|\\s*rule\\s*\\|\\s*article or clause\\s*\\|\\s*implemented by\\s*\\|\\s*proved by\\s*\\|");
    /** In a cell: a module's short name, or a backticked class, optionally with a member. */
    private static final Pattern REFERENCE = Pattern.compile(
            "`([A-Z]\\w*)(?:[.#](\\w+))?`|\\b(intake|triage|fsca|change-control|platform|system-tests)\\b");

    /** A class or test named in the index: the module short name it is listed under, the class, a member. */
    record Reference(String module, String type, String member) implements Comparable<Reference> {

        @Override
        public int compareTo(Reference other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return module + " " + type + (member == null ? "" : "." + member);
        }
    }

    /** A row of an index table. */
    record Row(String rule, List<Reference> implementations, List<Reference> tests) {}

    @Test
    void everyRuleClassIsIndexed() {
        Set<Reference> indexed = rows().stream()
                .flatMap(row -> row.implementations().stream())
                .map(reference -> new Reference(reference.module(), reference.type(), null))
                .collect(Collectors.toSet());
        Set<Reference> ruleClasses = ruleClasses();
        assertFalse(ruleClasses.isEmpty(), "no rule class found: is the definition still right?");
        Set<Reference> missing = new TreeSet<>(ruleClasses);
        missing.removeAll(indexed);
        assertTrue(
                missing.isEmpty(),
                "rule classes (class-level Javadoc citing an article or clause, see the definition in " + DOCUMENT
                        + ") that the index does not name under their module:\n  " + join(missing));
    }

    @Test
    void everyIndexedClassAndTestExists() {
        List<Row> rows = rows();
        assertFalse(
                rows.isEmpty(),
                DOCUMENT + " has no index table with the columns rule, article or clause,"
                        + " implemented by, proved by");
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            if (row.implementations().isEmpty() || row.tests().isEmpty()) {
                problems.add("'" + row.rule() + "' names no class or no test");
            }
            row.implementations().forEach(reference -> check(reference, "main", problems));
            row.tests().forEach(reference -> check(reference, "test", problems));
        }
        assertTrue(problems.isEmpty(), DOCUMENT + " names what does not exist:\n  " + String.join("\n  ", problems));
    }

    /**
     * The rule classes of the services and platform modules: top-level types whose class-level Javadoc
     * cites an article or clause, which decide something and are not adapters.
     */
    static Set<Reference> ruleClasses() {
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        Set<Reference> rules = new TreeSet<>();
        for (Path module : Stream.concat(Repository.services().stream(), Repository.modules("platform").stream())
                .toList()) {
            String shortName = shortName(module);
            for (Path file : Repository.javaFiles(module, "main")) {
                ParseResult<CompilationUnit> parsed = parser.parse(Repository.read(file));
                CompilationUnit unit = parsed.getResult()
                        .orElseThrow(() -> new IllegalStateException(file + ": " + parsed.getProblems()));
                String packageName = unit.getPackageDeclaration()
                        .map(declaration -> declaration.getNameAsString())
                        .orElse("");
                for (TypeDeclaration<?> type : unit.getTypes()) {
                    if (isRuleClass(packageName, type)) {
                        rules.add(new Reference(shortName, type.getNameAsString(), null));
                    }
                }
            }
        }
        return rules;
    }

    /**
     * A rule class: (1) its class-level Javadoc cites an article or clause ({@link #CITATION}); (2) it
     * decides something: a class, or a record or enum that declares a method other than toString, equals
     * and hashCode; (3) it is not an adapter:
     * not in a package named api, query, messaging, console, config or security, not a read model (a name
     * ending in View), not annotated {@code @Path}, {@code @Entity} or {@code @ConfigMapping}, and without a
     * method annotated {@code @Incoming}, {@code @EventHandler}, {@code @Scheduled} or
     * {@code @ServerExceptionMapper}.
     */
    static boolean isRuleClass(String packageName, TypeDeclaration<?> type) {
        String javadoc =
                type.getJavadocComment().map(comment -> comment.getContent()).orElse("");
        boolean cites =
                CITATION.matcher(javadoc.replaceAll("\\s*\\n\\s*\\*?", " ")).find();
        boolean decides = type instanceof ClassOrInterfaceDeclaration declaration
                ? !declaration.isInterface()
                : (type instanceof RecordDeclaration || type instanceof EnumDeclaration)
                        && type.getMethods().stream()
                                .anyMatch(method -> !OBJECT_METHODS.contains(method.getNameAsString()));
        String lastPackage = packageName.substring(packageName.lastIndexOf('.') + 1);
        boolean adapter = ADAPTER_PACKAGES.contains(lastPackage)
                || type.getNameAsString().endsWith("View")
                || annotated(type, ADAPTER_TYPE_ANNOTATIONS)
                || type.getMethods().stream().anyMatch(method -> annotated(method, ADAPTER_METHOD_ANNOTATIONS));
        return cites && decides && !adapter;
    }

    private static boolean annotated(NodeWithAnnotations<?> node, Set<String> simpleNames) {
        for (AnnotationExpr annotation : node.getAnnotations()) {
            String name = annotation.getNameAsString();
            if (simpleNames.contains(name.substring(name.lastIndexOf('.') + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The rows of every index table of the document. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Repository.lines(DOCUMENT)) {
            if (HEADER.matcher(line).find()) {
                inTable = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (!inTable || line.matches("\\|[\\s|:-]+")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 6) {
                throw new IllegalStateException(DOCUMENT + ": a row of an index table needs four cells: " + line);
            }
            rows.add(new Row(cells[1].strip(), references(cells[3]), references(cells[4])));
        }
        return rows;
    }

    /** The classes named in a cell, each with the module named before it ({@code triage `Severity`}). */
    static List<Reference> references(String cell) {
        List<Reference> references = new ArrayList<>();
        String module = null;
        Matcher matcher = REFERENCE.matcher(cell);
        while (matcher.find()) {
            if (matcher.group(3) != null) {
                module = matcher.group(3);
            } else {
                references.add(new Reference(module, matcher.group(1), matcher.group(2)));
            }
        }
        return references;
    }

    private static void check(Reference reference, String sourceSet, List<String> problems) {
        if (reference.module() == null) {
            problems.add(reference.type() + ": name its module before it (e.g. triage `" + reference.type() + "`)");
            return;
        }
        List<Path> files = Repository.modules(reference.module()).stream()
                .flatMap(module -> Repository.javaFiles(module, sourceSet).stream())
                .filter(file -> file.getFileName().toString().equals(reference.type() + ".java"))
                .toList();
        if (files.isEmpty()) {
            problems.add(reference + ": no such " + ("main".equals(sourceSet) ? "class" : "test class") + " in "
                    + reference.module());
        } else if (reference.member() != null
                && files.stream().noneMatch(file -> Pattern.compile("\\b" + reference.member() + "\\s*\\(")
                        .matcher(Repository.read(file))
                        .find())) {
            problems.add(reference + ": " + reference.type() + " has no member " + reference.member());
        }
    }

    private static String shortName(Path module) {
        String name = module.getFileName().toString();
        if (name.endsWith("-service")) {
            return name.substring(0, name.length() - "-service".length());
        }
        return Repository.ROOT.relativize(module).getName(0).toString();
    }

    private static String join(Set<Reference> references) {
        return references.stream().map(Reference::toString).collect(Collectors.joining("\n  "));
    }
}
