package com.quantdesk.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.quantdesk.store.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

/**
 * Where the access-token signing key comes from: the environment variable {@value AccessTokens#ENV}
 * holding an RSA JWK with its private part, else {@value AccessTokens#FILE} in the data directory,
 * generated (RSA 2048) on the first start and readable by the owner only.
 */
final class SigningKeyFile {

    private static final int GENERATED_BITS = 2048;
    private static final String WHAT = "the JWT signing key file";

    private SigningKeyFile() {
    }

    /**
     * The key, with {@code source} naming where it came from for messages.
     *
     * @throws IllegalStateException naming the variable or the file if there is no usable key in it
     */
    static Loaded load(Path dataDirectory, Optional<String> envValue) {
        if (envValue.isPresent() && !envValue.get().isBlank()) {
            String source = "the " + AccessTokens.ENV + " environment variable";
            return new Loaded(parse(envValue.get(), source), source);
        }
        Path file = dataDirectory.resolve(AccessTokens.FILE);
        try {
            if (Files.exists(file)) {
                SecretFiles.requireOwnerOnly(file, WHAT);
            } else {
                SecretFiles.writeOwnerOnly(file, generate().toJSONString() + "\n");
            }
            // Read back even just after writing: another process starting at the same moment may have won.
            String source = WHAT + " " + file;
            return new Loaded(parse(Files.readString(file, StandardCharsets.UTF_8), source), source);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + WHAT + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** A key and where it came from. */
    record Loaded(RSAKey key, String source) {
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(GENERATED_BITS).generate();
        } catch (JOSEException e) {
            // RSA key generation is on every Java platform.
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parse(String json, String source) {
        try {
            return RSAKey.parse(json.strip());
        } catch (ParseException | RuntimeException e) {
            // The parser's message may quote the text, which holds a private key: it is not repeated.
            throw new IllegalStateException("the JWT signing key in " + source + " is not an RSA JWK");
        }
    }
}
