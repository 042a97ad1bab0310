package com.quantdesk.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void acceptsALongPassphrase() {
        assertThat(POLICY.violations("priya", "orbit lantern chutney 42")).isEmpty();
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharacters() {
        assertThat(POLICY.violations("priya", "Tr0ub4dor&3")).containsExactly("must be at least 12 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String elevenAnimals = "🐯🦁🦅🐬🦋🐱🐶🐭🐹🐰🦊";
        assertThat(elevenAnimals.length()).isEqualTo(22);

        assertThat(POLICY.violations("priya", elevenAnimals)).containsExactly("must be at least 12 characters");
        assertThat(POLICY.violations("priya", elevenAnimals + "🐼")).isEmpty();
    }

    @Test
    void refusesAPasswordLongerThan128Characters() {
        String password = "a quiet harbour at dawn ".repeat(6);
        assertThat(password).hasSize(144);

        assertThat(POLICY.violations("priya", password)).containsExactly("must be at most 128 characters");
    }

    @Test
    void refusesAPasswordContainingTheUsernameInAnyCase() {
        assertThat(POLICY.violations("Kavya", "kavya-loves-monsoon-rain")).containsExactly("must not contain the username");
        assertThat(POLICY.violations("kavya", "KAVYA-LOVES-MONSOON-RAIN")).containsExactly("must not contain the username");
        assertThat(POLICY.violations("kavya", "k@vya-loves-monsoon-rain")).containsExactly("must not contain the username");
    }

    @Test
    void ignoresAUsernameShorterThanThreeCharacters() {
        assertThat(POLICY.violations("al", "always remember alpha")).isEmpty();
    }

    @Test
    void refusesACommonPasswordDisguisedWithSymbolsAndDigits() {
        assertThat(POLICY.violations("rahul", "P@ssw0rd12345")).containsExactly("must not be a common password");
        assertThat(POLICY.violations("rahul", "Qwerty1234567!")).containsExactly("must not be a common password");
        assertThat(POLICY.violations("rahul", "Summer2024!!")).containsExactly("must not be a common password");
        assertThat(POLICY.violations("rahul", "SachinTendulkar@10")).containsExactly("must not be a common password");
    }

    @Test
    void refusesACommonPasswordTypedTwice() {
        assertThat(POLICY.violations("rahul", "monkeymonkey")).containsExactly("must not be a common password");
        assertThat(POLICY.violations("rahul", "DragonDragon2024")).containsExactly("must not be a common password");
    }

    @Test
    void refusesALongCommonPasswordAsItIs() {
        assertThat(POLICY.violations("rahul", "iloveyouforever")).containsExactly("must not be a common password");
        assertThat(POLICY.violations("rahul", "QuantDeskAdmin")).containsExactly("must not be a common password");
    }

    @Test
    void refusesOneRepeatedCharacterAndStraightRuns() {
        String message = "must not be one repeated character or a straight run like 123456 or abcdef";
        for (String password : List.of("aaaaaaaaaaaa", "123456789012", "987654321098", "abcdefghijkl",
                "ZYXWVUTSRQPO", "xyzabcdefghi")) {
            assertThat(POLICY.violations("rahul", password)).as(password).containsExactly(message);
        }
    }

    @Test
    void acceptsAPasswordThatOnlyStartsWithARun() {
        assertThat(POLICY.violations("rahul", "abcdef maple orchard")).isEmpty();
    }

    @Test
    void listsEveryRuleThePasswordBreaks() {
        assertThat(POLICY.violations("password", "password")).containsExactly(
                "must be at least 12 characters", "must not contain the username", "must not be a common password");
    }

    @Test
    void theShippedListIsStoredNormalisedAndHasSeveralHundredEntries() throws IOException {
        List<String> entries;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            entries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }

        assertThat(entries).allSatisfy(entry -> assertThat(CommonPasswords.normalise(entry)).isEqualTo(entry))
                .doesNotHaveDuplicates();
        assertThat(CommonPasswords.fromResource("/com/quantdesk/server/auth/common-passwords.txt").size())
                .isEqualTo(entries.size())
                .isGreaterThan(500);
    }
}
