package com.quantdesk.app;

import com.quantdesk.core.command.Command;
import com.quantdesk.core.event.Event;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module arrows of ARCHITECTURE.md true over the production classes of every module
 * (app's test classpath sees them all): core ← sim ← backtest ← app, core ← store ← app, and core
 * stays deterministic.
 */
@AnalyzeClasses(packages = "com.quantdesk",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    private static final String CORE = "com.quantdesk.core..";
    private static final String SIM = "com.quantdesk.sim..";
    private static final String BACKTEST = "com.quantdesk.backtest..";
    private static final String STORE = "com.quantdesk.store..";
    private static final String SERVER = "com.quantdesk.server..";
    private static final String JDK = "java..";
    private static final String JDK_EXTENSIONS = "javax..";
    private static final String SLF4J = "org.slf4j..";

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdkAndSlf4j = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, JDK_EXTENSIONS, SLF4J, CORE)
            .because("core is the domain and engine; adapters depend on it, never the other way");

    @ArchTest
    static final ArchRule simDependsOnlyOnCore = classes()
            .that().resideInAPackage(SIM)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, JDK_EXTENSIONS, SLF4J, CORE, SIM)
            .because("sim may depend on core only");

    @ArchTest
    static final ArchRule storeDependsOnlyOnCoreAndItsDatabaseLibraries = classes()
            .that().resideInAPackage(STORE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(JDK, JDK_EXTENSIONS, SLF4J, "com.fasterxml.jackson..", "com.zaxxer.hikari..",
                    "org.flywaydb..", "org.sqlite..", "org.postgresql..", CORE, STORE)
            .because("store implements core's journal port over JDBC and knows no other module");

    @ArchTest
    static final ArchRule backtestDependsOnlyOnCoreSimAndJackson = classes()
            .that().resideInAPackage(BACKTEST)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(JDK, JDK_EXTENSIONS, SLF4J, "com.fasterxml.jackson..", CORE, SIM, BACKTEST)
            .because("backtest may depend on core and sim (and Jackson for its JSON report)");

    @ArchTest
    static final ArchRule serverKnowsNeitherTheSimulatorNorTheApplication = noClasses()
            .that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(SIM, "com.quantdesk.app..")
            .because("the server serves any trading runtime (paper or live) through its ports; the composition "
                    + "root plugs one in");

    @ArchTest
    static final ArchRule onlyTheApplicationAndTheServerKnowTheServer = noClasses()
            .that().resideInAnyPackage(CORE, SIM, BACKTEST, STORE)
            .should().dependOnClassesThat().resideInAPackage(SERVER)
            .because("app -> server -> store, backtest, core: nothing below the server depends on it");

    @ArchTest
    static final ArchRule coreDoesNotReadTheWallClock = noClasses()
            .that().resideInAPackage(CORE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now", ZoneId.class)
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "system", ZoneId.class)
            .orShould().callMethod(InstantSource.class, "system")
            .because("time is injected (InstantSource), so a replay is bit-for-bit identical");

    @ArchTest
    static final ArchRule coreUsesNoUnseededRandomness = noClasses()
            .that().resideInAPackage(CORE)
            .should().callConstructor(Random.class)
            .orShould().callConstructor(SplittableRandom.class)
            .orShould().callConstructor(SecureRandom.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(StrictMath.class, "random")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
            .because("randomness in core must be seeded by the run, so a replay is bit-for-bit identical");

    @ArchTest
    static final ArchRule coreEventsAreRecords = classes()
            .that().implement(Event.class).and().areNotInterfaces()
            .should().beRecords()
            .because("events are immutable values");

    @ArchTest
    static final ArchRule coreCommandsAreRecords = classes()
            .that().implement(Command.class).and().areNotInterfaces()
            .should().beRecords()
            .because("commands are immutable values");

    /** Leaves out the other modules' test jars (their test helpers are on this module's test classpath). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }
}
