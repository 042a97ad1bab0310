package com.quantdesk.app;

import com.quantdesk.app.live.KiteSessionStore;
import com.quantdesk.server.auth.AccessTokens;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.auth.Users;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.backup.BackupKey;
import com.quantdesk.store.journal.JournalKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The environment as every command reads it. Each secret variable {@code NAME} may instead be given
 * as {@code NAME_FILE}, the path of a file holding the value (Docker and Kubernetes secrets, systemd
 * credentials), so the secret never shows in the process's environment. The file must be readable by
 * its owner only; one trailing line break is not part of the value. Other variables pass through.
 */
final class SecretEnvironment implements Function<String, String> {

    /** Suffix of the variable naming a secret's file. */
    static final String FILE_SUFFIX = "_FILE";

    /** Every variable that holds a secret: each one may be given as {@code NAME_FILE}, and is masked when shown. */
    static final List<String> SECRETS = List.of(Users.ADMIN_PASSWORD_ENV, SecretBox.ENV, AccessTokens.ENV,
            JournalKey.ENV, BackupKey.ENV, "QD_TLS_PASSWORD", StoreConfig.DATABASE_URL_ENV, "REDIS_URL",
            KiteSessionStore.KEY_ENV, "KITE_API_SECRET", "KITE_ACCESS_TOKEN");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Function<String, String> variables;

    /** Secrets read through {@code variables} (the process's environment, or a test's). */
    SecretEnvironment(Function<String, String> variables) {
        this.variables = variables;
    }

    /** The process's environment. */
    static SecretEnvironment process() {
        return new SecretEnvironment(System::getenv);
    }

    /** This environment as the read-only map the store and Kite readers take. */
    Map<String, String> asMap() {
        return new EnvironmentMap(this);
    }

    /**
     * The value of {@code name}: for a secret, from {@code name} or from the file {@code name_FILE} names.
     *
     * @throws UsageException when both are set, or the file is missing, unreadable or open to others
     */
    @Override
    public String apply(String name) {
        String value = variables.apply(name);
        if (!SECRETS.contains(name)) {
            return value;
        }
        String fileVariable = name + FILE_SUFFIX;
        String file = variables.apply(fileVariable);
        if (file == null || file.isBlank()) {
            return value;
        }
        if (value != null && !value.isBlank()) {
            throw new UsageException(name + " and " + fileVariable + " are both set; set one of them");
        }
        return read(fileVariable, Path.of(file.strip()));
    }

    /** Whether the secret {@code name} is given, directly or as a file. */
    boolean isSet(String name) {
        String value = apply(name);
        return value != null && !value.isBlank();
    }

    private static String read(String variable, Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)
                    && !platformMount(permissions, Files.getOwner(file).getName(), System.getProperty("user.name"))) {
                throw new UsageException(variable + ": " + file + " is open to group or others ("
                        + java.nio.file.attribute.PosixFilePermissions.toString(permissions) + "); run: chmod 600 "
                        + file);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: there are no mode bits to check.
        } catch (NoSuchFileException e) {
            throw new UsageException(variable + ": no file " + file, e);
        } catch (IOException e) {
            throw new UsageException(variable + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return withoutTrailingLineBreak(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException(variable + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a group-readable secret file is one the platform mounted for this process: owned by root,
     * readable by the group only (as Kubernetes mounts a secret for a pod's fsGroup), read by a process
     * that is not root. Anything else open to group or others is refused.
     */
    static boolean platformMount(Set<PosixFilePermission> permissions, String owner, String processUser) {
        Set<PosixFilePermission> shared = EnumSet.copyOf(permissions);
        shared.retainAll(GROUP_OR_OTHERS);
        return shared.equals(EnumSet.of(PosixFilePermission.GROUP_READ)) && owner.equals("root")
                && !processUser.equals("root");
    }

    private static String withoutTrailingLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
