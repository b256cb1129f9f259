package io.memtomem.core.redact;

import io.memtomem.core.SharedEval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionGateTest {
    private static final RedactionGate GATE = RedactionGate.standard();
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4g"
            + "RG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    /** A real-looking example of each rule (fake values in the providers' published formats). */
    static Stream<Arguments> hits() {
        return Stream.of(
                Arguments.of("labelled-secret", "db password: hunter22!"),
                Arguments.of("labelled-secret", "api_key=9f8e7d6c5b4a3210"),
                Arguments.of("labelled-secret", "GET /export?token=abc123def456 HTTP/1.1"),
                Arguments.of("labelled-secret", "  client_secret: 'Zq8+uT2/wX=='"),
                Arguments.of("labelled-secret", "db_password=hunter2xyz"),
                Arguments.of("labelled-secret", "password\uFF1Ahunter22!"),
                Arguments.of("labelled-secret", "api_key \uFF1D 9f8e7d6c5b4a3210"),
                Arguments.of("labelled-secret", "password:\n  s3cr3t-Pa55"),
                Arguments.of("labelled-secret", "  client_secret: |\n    Zq8+uT2/wX=="),
                Arguments.of("secret-env-assignment", "DB_PASSWORD=changeme"),
                Arguments.of("secret-env-assignment", "db_password=correcthorse"),
                Arguments.of("secret-env-assignment", "export app_api_key=abcdefghijkl"),
                Arguments.of("secret-env-assignment", "export GITHUB_TOKEN=\"abcd1234efgh5678\""),
                Arguments.of("secret-env-assignment", "SECRET_KEY = \"django-insecure-x9k2m4q7\""),
                Arguments.of("json-credential", "{\"password\": \"s3cr3t-Pa55\"}"),
                Arguments.of("json-credential", "{\"apiKey\":\"AbC123xyz789\"}"),
                Arguments.of("aws-access-key-id", "key id AKIAIOSFODNN7EXAMPLE in the bundle"),
                Arguments.of("aws-access-key-id", "ASIAY34FZKBOKMUTVV7A"),
                Arguments.of("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("aws-session-token", "x-amz-security-token: FwoGZXIvYXdzEBYaDHk3b2lm"),
                Arguments.of("aws-session-token", "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2F"),
                Arguments.of("openai-api-key", "OPENAI key sk-proj-abc123DEF456ghi789JKL012"),
                Arguments.of("openai-api-key", "sk-abcdefghij0123456789ABCDEFGHIJ"),
                Arguments.of("anthropic-api-key", "sk-ant-api03-abcDEF123456ghiJKL789mno"),
                Arguments.of("github-token", "ghp_" + "aB3".repeat(12)),
                Arguments.of("github-token", "gho_" + "Zx9".repeat(12)),
                Arguments.of("github-fine-grained-pat", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop"),
                Arguments.of("slack-token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp"),
                Arguments.of("slack-webhook", "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijKLMNOPqrstuvwx"),
                Arguments.of("stripe-secret-key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
                Arguments.of("stripe-secret-key", "rk_test_51H8abcdEFGHijklMNOP"),
                Arguments.of("npm-token", "//registry.npmjs.org/:_authToken=npm_" + "a1B2c3".repeat(6)),
                Arguments.of("google-api-key", "AIza" + "SyA1234567890abcdefghijklmnopqrstuv" + " in config.js"),
                Arguments.of("gitlab-token", "glpat-xY7zA8bC9dE0fG1hI2jK"),
                Arguments.of("huggingface-token", "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh"),
                Arguments.of("pypi-token", "pypi-AgEIcHlwaS5vcmc" + "CJGQ2ZjE5YzE4LTk3".repeat(3)),
                Arguments.of("jwt", "cookie: session=" + JWT),
                Arguments.of("bearer-token", "Authorization: Bearer abcdef0123456789abcdef"),
                Arguments.of("url-credentials", "DATABASE_URL: postgres://user:pass@host/app"),
                Arguments.of("url-credentials", "redis://:s3cret@cache:6379/0"),
                Arguments.of("url-credentials", "clone https://bot:ghx9Lp2@git.example.com/org/repo.git"),
                Arguments.of("private-key-block", "-----BEGIN RSA PRIVATE KEY-----"),
                Arguments.of("private-key-block", "-----BEGIN OPENSSH PRIVATE KEY-----"),
                Arguments.of("private-key-block", "-----BEGIN PRIVATE KEY-----"),
                Arguments.of("private-key-block", "-----BEGIN PGP PRIVATE KEY BLOCK-----"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hits")
    void ruleFindsItsExample(String rule, String text) {
        List<String> rules = GATE.scan("intro line\n" + text + "\n", false).stream()
                .filter(finding -> finding.line() == 2).map(SecretFinding::ruleId).toList();
        assertTrue(rules.contains(rule), () -> rule + " not found; found " + rules);
    }

    /** Prose, code and placeholders that mention credentials without containing one. */
    @ParameterizedTest
    @ValueSource(strings = {
            "the password: field is required",
            "password: required",
            "Set the password: see the vault.",
            "password: str = \"\"",
            "token = get_token()",
            "token = tokens[0]",
            "api_key = os.environ[\"API_KEY\"]",
            "API_KEY = os.environ.get(\"API_KEY\")",
            "password=${DB_PASSWORD}",
            "password: ********",
            "api_key: <your key here>",
            "token: {{ secrets.GITHUB_TOKEN }}",
            "MAX_TOKENS=16384000",
            "ACCESS_TOKEN_URL = \"https://example.com/oauth/token\"",
            "DB_PASSWORD=${DB_PASSWORD}",
            "run gh secret set GITHUB_TOKEN --body <new_token>",
            "{\"password\": \"required\"}",
            "{\"token_type\": \"bearer\", \"expires_in\": 3600}",
            "An AWS_ACCESS_KEY_ID was exposed in a public JS bundle.",
            "akiaiosfodnn7example is lower case",
            "AKIA1234 is too short",
            "send the x-amz-security-token header with each request",
            "we use sk-learn for the model",
            "sk-this-is-a-long-hyphenated-phrase",
            "sk-ant-short",
            "ghp_short",
            "github_pat_ is the prefix of fine-grained tokens",
            "xoxo-hugs-and-kisses-from-the-team",
            "pk_live_4eC39HqLyjWDarjtT1zdp7dc is a publishable key",
            "npm_config_registry=https://registry.npmjs.org",
            "AIzaShort",
            "glpat-short",
            "from huggingface_hub import hf_hub_download",
            "upload with a pypi-token scoped to the project",
            "the header eyJhbGciOiJIUzI1NiJ9 decodes to the algorithm",
            "Authorization: Bearer <token>",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----",
            "Decode the JWT payload and inspect the iss claim of the token.",
            "password:\n  required: true",
            "secret:\n  name: db-credentials",
            "token:\n  - first\n  - second",
            "api_key:\n\nSee the vault for the value 42.",
            "max_tokens=16384000",
            "next_page_token=${NEXT_TOKEN}",
            "auth_token=get_token()",
            "db_password=os.environ.get(\"DB_PASSWORD\")",
            "the api_key: field is required",
            "password\uFF1A\u5FC5\u9808",
            "https://example.com:8443/path@v2",
            "ssh://git@github.com/org/repo.git",
            "postgres://user:${DB_PASSWORD}@db:5432/app",
            "postgres://user:****@db/app",
            "postgres://localhost:5432/app",
            "http://[::1]:8080/health",
            "mailto:someone@example.com"})
    void nearMissPasses(String text) {
        assertEquals(List.of(), GATE.scan(text, false));
    }

    @Test
    void everyShippedRuleHasAnExample() {
        Set<String> tested = hits().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());
        Set<String> shipped = GATE.rules().stream().map(SecretRule::id).collect(Collectors.toSet());
        assertEquals(shipped, tested);
        assertEquals(2, GATE.rules().stream().filter(SecretRule::label).count());
    }

    /** Triggers are looked up by their lower-case first two characters, so any other trigger would never fire. */
    @Test
    void aTriggerThatIsNotLowerCaseAsciiIsRefused() {
        for (String trigger : List.of("AKIA", "k", "clé")) {
            SecretRule rule = new SecretRule("bad", false, List.of(trigger), Pattern.compile("x"));
            assertThrows(IllegalStateException.class,
                    () -> new RedactionGate(List.of(rule)), trigger);
        }
    }

    @Test
    void findingsNameRuleAndLineInLineOrder() {
        String text = "# Notes\n\nAKIAIOSFODNN7EXAMPLE\nnothing here\npassword: hunter22!\n" + JWT + "\n";
        assertEquals(List.of(new SecretFinding("aws-access-key-id", 3), new SecretFinding("labelled-secret", 5),
                new SecretFinding("jwt", 6)), GATE.scan(text, false));
    }

    @Test
    void matchesAreFoundAmongOtherTriggerWordsInLongLines() {
        String prose = "The key point of token rotation is that every secret expires. ".repeat(20);
        String text = prose + "Use token=abc123def456 for the demo, then MY_APP_DB_PASSWORD=s3cretValue; "
                + prose + "\n" + prose + "x-amz-security-token: FwoGZXIvYXdzEBYaDHk3b2lm\n";
        assertEquals(List.of(new SecretFinding("labelled-secret", 1), new SecretFinding("secret-env-assignment", 1),
                new SecretFinding("aws-session-token", 2), new SecretFinding("labelled-secret", 2)),
                GATE.scan(text, false));
    }

    @Test
    void descriptionGroupsLinesPerRuleAndNeverQuotesTheSecret() {
        String secret = "AKIAIOSFODNN7EXAMPLE";
        List<SecretFinding> findings = GATE.scan(secret + "\nx\n" + secret + "\npassword: hunter22!\n", false);
        String description = RedactionGate.describe(findings);
        assertEquals("aws-access-key-id (lines 1, 3), labelled-secret (line 4)", description);
        assertFalse(description.contains(secret));
    }

    @Test
    void frontmatterExemptionWaivesOnlyTheLabelRules() {
        String text = "---\nredaction: documents-patterns\n---\n# Config reference\n\npassword: hunter22!\n"
                + "DB_PASSWORD=changeme\nAKIAIOSFODNN7EXAMPLE\n";
        assertTrue(RedactionGate.declaresExemption(text));
        assertEquals(List.of(new SecretFinding("aws-access-key-id", 8)), GATE.scanFile(text));
    }

    @Test
    void exemptionCountsOnlyInLeadingLfFrontmatter() {
        String body = "# Doc\n\nredaction: documents-patterns\n\npassword: hunter22!\n";
        assertFalse(RedactionGate.declaresExemption(body));
        assertFalse(RedactionGate.declaresExemption("---\r\nredaction: documents-patterns\r\n---\r\n"));
        assertEquals(1, GATE.scanFile(body).size());
    }

    @Test
    void malformedRuleLineIsReportedWithItsLineNumber() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RedactionGate.parse(List.of("# comment", "broken-rule nonsense")));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void evalCorpusHasNoFindings() throws IOException {
        Path corpus = SharedEval.locate().resolve("eval/corpus_v2");
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertEquals(List.of(), GATE.scanFile(text), file.toString());
            }
        }
    }
}
