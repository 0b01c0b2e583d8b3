package dev.criconf.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module layering of ARCHITECTURE.md true: dependencies point one way, internal
 * packages stay internal to their module, and the library's public signatures expose no
 * third-party type (users must be able to swap our YAML or JSON dependency without a break).
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the reactor hands us config-model's test-jar too; its classes are not production code
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.criconf");
    }

    @Test
    void modelDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.criconf.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.criconf.model..", "java..")
                .check(production);
    }

    @Test
    void validateNeverParsesText() {
        noClasses().that().resideInAPackage("dev.criconf.validate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.criconf.io..", "dev.criconf.cli..",
                        "org.snakeyaml..")
                .check(production);
    }

    @Test
    void ioDoesNotDependOnValidationOrCli() {
        noClasses().that().resideInAPackage("dev.criconf.io..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.criconf.validate..", "dev.criconf.cli..")
                .check(production);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        for (String module : new String[] {"model", "io", "validate", "cli"}) {
            String root = "dev.criconf." + module;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + "..internal..")
                    .allowEmptyShould(true)
                    .check(production);
        }
    }

    @Test
    void publicApiLeaksNoThirdPartyType() {
        DescribedPredicate<JavaClass> apiClass = new DescribedPredicate<>("public API class") {
            @Override
            public boolean test(JavaClass c) {
                return c.getModifiers().contains(JavaModifier.PUBLIC)
                        && !c.getPackageName().contains(".internal")
                        && !c.getPackageName().startsWith("dev.criconf.cli")
                        && !c.getPackageName().startsWith("dev.criconf.bench");
            }
        };
        methods().that().arePublic().and().areDeclaredInClassesThat(apiClass)
                .should(new ArchCondition<JavaMethod>("use only JDK and criconf types in their signature") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        m.getParameterTypes().forEach(t -> checkType(m, t.toErasure(), events));
                        checkType(m, m.getRawReturnType(), events);
                    }
                })
                .allowEmptyShould(true)
                .check(production);
    }

    private static void checkType(JavaMethod m, JavaClass type, ConditionEvents events) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String name = base.getName();
        boolean allowed = base.isPrimitive() || name.startsWith("java.") || name.startsWith("dev.criconf.");
        if (!allowed) {
            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes " + name));
        }
    }
}
