package com.quantdesk.app.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy file compiler's answers when it cannot compile, and the names {@code strategy new} derives. */
class StrategyFileCompilerTest {

    @TempDir
    Path dir;

    @Test
    void withoutACompilerItSaysAJdkIsNeededAndOffersTheJarRoute() throws IOException {
        Path file = Files.writeString(dir.resolve("Mine.java"), "public class Mine {}\n");

        assertThatThrownBy(() -> new StrategyFileCompiler(null).compile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": compiling a strategy needs a JDK, but this Java (" + System.getProperty("java.home")
                        + ") has no compiler; run Quantdesk on a JDK 21 or later, or build the strategy into a jar for "
                        + "the strategies folder (docs/strategies.md)");
    }

    @Test
    void aMissingFileOrOneThatIsNotJavaIsNamed() throws IOException {
        Path missing = dir.resolve("Missing.java");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> new StrategyFileCompiler().compile(missing)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> new StrategyFileCompiler().compile(text))
                .hasMessage(text + ": not a Java source file (expected a name ending in .java)");
    }

    @Test
    void aProviderWithoutAPublicConstructorIsExplained() throws IOException {
        Path file = Files.writeString(dir.resolve("Hidden.java"), """
                public class Hidden implements com.quantdesk.core.strategy.StrategyProvider {
                    private Hidden() {
                    }

                    public com.quantdesk.core.strategy.StrategyDescriptor descriptor() {
                        return null;
                    }
                }
                """);

        assertThatThrownBy(() -> new StrategyFileCompiler().compile(file))
                .hasMessage(file + ": Hidden must be a public class with a public constructor without arguments "
                        + "(Quantdesk creates it)");
    }

    @Test
    void derivesTheStrategyNameFromTheClassName() {
        assertThat(StrategyTemplate.strategyName("MyBreakout")).isEqualTo("my-breakout");
        assertThat(StrategyTemplate.strategyName("Rsi2Reversion")).isEqualTo("rsi2-reversion");
        assertThat(StrategyTemplate.strategyName("Gap")).isEqualTo("gap");
    }

    @Test
    void refusesClassNamesJavaWouldNot() {
        assertThatThrownBy(() -> StrategyTemplate.validateClassName("class"))
                .hasMessage("'class' is not a Java class name: use letters and digits, starting with a letter, "
                        + "e.g. MyBreakout");
        assertThatThrownBy(() -> StrategyTemplate.validateClassName("breakout"))
                .hasMessage("'breakout' should start with a capital letter and have no $, e.g. MyBreakout");
    }
}
