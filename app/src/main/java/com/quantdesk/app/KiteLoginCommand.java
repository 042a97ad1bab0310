package com.quantdesk.app;

import com.quantdesk.app.live.KiteSettings;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteLogin;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quantdesk kite login --account NAME}: the day's Kite login of an account. Prints the login
 * page's URL; the request token Kite redirects back with (or the whole redirect URL) is exchanged for
 * an access token, which is stored sealed under {@code DATA_ENCRYPTION_KEY}.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log an account in to Kite Connect for the day and store its access token, sealed.",
                "Open the printed URL, sign in to Kite, then paste the URL Kite redirected to (or just its "
                        + "request_token), or pass --request-token.",
                "Kite's tokens expire every morning (about 06:00 IST): log in again each trading day, then start "
                        + "'quantdesk live'."})
final class KiteLoginCommand implements Callable<Integer> {

    /** Where the environment is read from; tests replace it. */
    static Function<String, String> env = SecretEnvironment.process();

    private static final Pattern REQUEST_TOKEN = Pattern.compile("[?&]request_token=([^&#\\s]+)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    KiteAccountOptions options;

    @Option(names = "--account", paramLabel = "NAME", required = true, description = "The account to log in.")
    String account;

    @Option(names = "--request-token", paramLabel = "TOKEN",
            description = "The request_token from Kite's redirect; without it, it is read from standard input.")
    String requestToken;

    @Override
    public Integer call() throws IOException {
        AccountId id = KiteAccountOptions.account(account);
        KiteSettings settings = options.settings(env);
        try {
            settings.requireSecret();
            settings.clientConfig();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = options.openStore(env);
             KiteTransport transport = KiteTransport.create(settings.clientConfig())) {
            var sessions = KiteAccountOptions.sessions(store, env);
            KiteLogin login = new KiteLogin(transport);
            String token = requestToken;
            if (token == null) {
                out.println("Open this page, sign in to Kite, and paste the URL you are sent back to (or its "
                        + "request_token):");
                out.println("  " + login.loginUrl());
                out.print("> ");
                out.flush();
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isBlank()) {
                    throw new UsageException("no request token given");
                }
                token = requestToken(line.strip());
            }
            KiteSession session;
            try {
                session = login.createSession(token);
            } catch (KiteException e) {
                throw new UsageException("Kite refused the request token (" + e.getMessage() + "); a request token "
                        + "is valid once and for a few minutes: open the login page again", e);
            }
            sessions.save(id, settings.apiKey(), session);
            out.println("logged in: account " + id + " is Kite user " + session.userId() + " (login at "
                    + session.loginTime() + "); the access token is stored sealed and lasts until about 06:00 IST");
            out.flush();
        }
        return QuantdeskCommand.OK;
    }

    /** The request token in a pasted redirect URL, or the pasted text itself. */
    static String requestToken(String pasted) {
        Matcher m = REQUEST_TOKEN.matcher(pasted);
        String token = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : pasted;
        if (!token.matches("[A-Za-z0-9]{6,64}")) {
            throw new UsageException("'" + pasted + "' is neither a request token nor a URL carrying request_token");
        }
        return token;
    }
}
