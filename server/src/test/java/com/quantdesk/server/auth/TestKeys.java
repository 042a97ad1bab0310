package com.quantdesk.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** RSA keys generated once for all token tests: generating one takes a noticeable fraction of a second. */
final class TestKeys {

    /** The key the server under test signs with. */
    static final RSAKey SERVER = generate(2048);
    /** Someone else's key. */
    static final RSAKey STRANGER = generate(2048);

    private TestKeys() {
    }

    static RSAKey generate(int bits) {
        try {
            return new RSAKeyGenerator(bits, true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
