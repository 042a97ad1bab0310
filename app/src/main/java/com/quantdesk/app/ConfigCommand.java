package com.quantdesk.app;

import com.quantdesk.app.config.QuantdeskSettings;
import com.quantdesk.app.config.QuantdeskSettings.Setting;
import com.quantdesk.app.config.QuantdeskSettings.Source;
import com.quantdesk.app.live.KiteSettings;
import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.quantdesk.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quantdesk config}: the configuration a trading process would run with. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Inspect the configuration: file, environment and flags together.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code quantdesk config check}: takes the options of {@code paper}, checks everything a start
     * would check before it opens anything, and prints each setting with where its value came from.
     * It writes nothing: no data directory, no key file, no database.
     */
    @Command(name = "check", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
            description = {"Check the configuration 'quantdesk paper' would run with (same options) and print "
                    + "every setting as 'key = value  (source)': flag, environment, file or default. Secrets "
                    + "show as **** only.",
                    "Writes nothing. Exit code 0 when the configuration is valid, 2 when it is not."})
    static final class Check extends PaperCommand {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            warnAboutUnknownVariables(spec.commandLine().getErr());
            Path file = configFile();
            PaperConfig config = loadConfig();
            Set<String> fileKeys = file == null ? Set.of() : PaperConfigLoader.keys(file);
            checkOptions();
            Path directory = dataDir != null ? dataDir : config.dataDirectory();
            try {
                StoreConfig.resolve(directory, database != null ? database : config.databaseUrl().orElse(null),
                        new EnvironmentMap(env));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--db: " + e.getMessage(), e);
            }
            if (!noApi) {
                serverConfig(directory);
            }
            backupPlan();
            KiteSettings kite;
            try {
                kite = KiteSettings.load(file, new EnvironmentMap(env));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            for (QuantdeskSettings.Effective effective : effective(values(config, kite, directory), fileKeys, file)) {
                out.println(effective.line());
            }
            out.println("OK: the configuration is valid");
            out.flush();
            return QuantdeskCommand.OK;
        }

        private void checkOptions() {
            checkSpeed();
            checkPoolSize();
            if (duration != null) {
                parseDuration(duration, "--duration");
            }
            parseDuration(statusEvery, "--status-every");
            parseDuration(restoreTestEvery, "--restore-test-every");
            if (stateEvery != null) {
                parseDuration(stateEvery, "--state-every");
            }
        }

        /** The effective value of every setting, as the process would use it; secrets read (and so checked). */
        private Map<String, String> values(PaperConfig config, KiteSettings kite, Path directory) {
            Map<String, String> v = new LinkedHashMap<>();
            Path file = configFile();
            v.put("config", file == null ? "(none: the demo)" : file.toString());
            v.put("dataDir", directory.toString());
            String db = database != null ? database : config.databaseUrl().orElse(env.apply("DATABASE_URL"));
            v.put("database", db);
            v.put("dbPool", Integer.toString(poolSize));
            v.put("speed", Double.toString(speed));
            v.put("duration", duration == null ? "until stopped" : duration);
            v.put("statusEvery", statusEvery);
            v.put("api.enabled", noApi ? "off" : "on");
            v.put("api.port", Integer.toString(port));
            v.put("api.bind", bind);
            v.put("api.tlsKeyStore", tlsKeyStore == null ? null : tlsKeyStore.toString());
            v.put("api.trustedProxies", list(trustedProxies));
            v.put("api.corsOrigins", list(corsOrigins));
            v.put("api.rateLimits", rateLimits.isEmpty() ? "the defaults" : list(rateLimits));
            v.put("api.redis", redis != null ? redis : env.apply("REDIS_URL"));
            v.put("backup.every", backupEvery);
            v.put("backup.to", backupTo == null ? null : backupTo.toString());
            v.put("backup.keep", backupKeep);
            v.put("backup.restoreTestEvery", restoreTestEvery);
            PaperConfig.Feed feed = config.feed();
            v.put("feed.mode", feed.mode().name().toLowerCase(java.util.Locale.ROOT));
            v.put("feed.interval", PaperConfigLoader.describe(feed.interval()));
            v.put("feed.seed", Long.toString(feed.seed()));
            v.put("feed.symbols", list(feed.symbols()));
            v.put("feed.holidays", feed.holidays().isEmpty() ? "none" : list(feed.holidays()));
            v.put("feed.warmUp", PaperConfigLoader.describe(feed.warmUp()));
            PaperConfig.Venue venue = config.venue();
            v.put("venue.ackLatency", PaperConfigLoader.describe(venue.ackLatency()));
            v.put("venue.fillLatency", PaperConfigLoader.describe(venue.fillLatency()));
            v.put("venue.slippageBps", Integer.toString(venue.slippageBps()));
            v.put("venue.volumeParticipation", Double.toString(venue.volumeParticipation()));
            v.put("accounts", list(config.accounts().stream().map(a -> a.id().value()).toList()));
            v.put("bots", config.bots().isEmpty() ? "none"
                    : list(config.bots().stream().map(b -> b.id().value()).toList()));
            v.put("kite.apiUrl", kite.apiUrl().toString());
            v.put("kite.tickerUrl", kite.tickerUrl().toString());
            v.put("kite.loginUrl", kite.loginUrl().toString());
            v.put("kite.apiKey", kite.apiKey());
            v.put("kite.algoId", kite.algoId().orElse(null));
            v.put("kite.marketProtection", kite.marketProtection() == -1 ? "-1 (automatic)"
                    : Integer.toString(kite.marketProtection()));
            v.put("kite.reconcileEvery", PaperConfigLoader.describe(kite.reconcileEvery()));
            for (Setting setting : QuantdeskSettings.ALL) {
                if (setting.secret() && setting.flag() == null) {
                    v.put(setting.key(), env.apply(setting.variable()));
                }
            }
            return v;
        }

        /** Every setting with its value and where that came from, in catalog order. */
        private List<QuantdeskSettings.Effective> effective(Map<String, String> values, Set<String> fileKeys,
                                                            Path file) {
            List<QuantdeskSettings.Effective> all = new ArrayList<>();
            for (Setting setting : QuantdeskSettings.ALL) {
                Source source = source(setting, fileKeys);
                all.add(new QuantdeskSettings.Effective(setting, values.get(setting.key()), source,
                        describe(setting, source, file)));
            }
            return all;
        }

        private Source source(Setting setting, Set<String> fileKeys) {
            CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            if (setting.flag() != null && parsed.hasMatchedOption(setting.flag())) {
                return Source.FLAG;
            }
            boolean inEnvironment = setting.variable() != null && set(setting.variable())
                    || setting.fileVariable().map(this::set).orElse(false);
            boolean inFile = setting.inFile() && fileKeys.contains(setting.key());
            if (setting.key().equals("database") && inFile) {
                return Source.FILE;
            }
            return inEnvironment ? Source.ENVIRONMENT : inFile ? Source.FILE : Source.DEFAULT;
        }

        private boolean set(String variable) {
            String value = env.apply(variable);
            return value != null && !value.isBlank();
        }

        private String describe(Setting setting, Source source, Path file) {
            return switch (source) {
                case FLAG -> "flag " + setting.flag();
                case ENVIRONMENT -> "env " + setting.fileVariable().filter(this::set).orElse(setting.variable());
                case FILE -> "file " + file;
                case DEFAULT -> "default";
            };
        }

        private static String list(Collection<?> values) {
            return values.isEmpty() ? null : values.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
    }
}
