package com.quantdesk.server.preflight;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The machine: free disk under each directory Quantdesk writes, and who else may read or write them. */
final class HostChecks {

    /** Below this share of free space a directory fails (the journal cannot afford a full disk). */
    static final double FAIL_FREE = 0.05;
    /** Below this share it warns, as the disk alert does. */
    static final double WARN_FREE = 0.10;

    private HostChecks() {
    }

    static Finding disk(Path directory) {
        String id = "host.disk." + directory;
        Path existing = nearestExisting(directory);
        if (existing == null) {
            return Finding.fail(id, "no part of " + directory + " exists", "install -d -m 700 " + directory);
        }
        FileStore store;
        long usable;
        long total;
        try {
            store = Files.getFileStore(existing);
            usable = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            return Finding.fail(id, "cannot read the free space of " + existing + ": " + e.getMessage(),
                    "check the file system of " + directory);
        }
        double free = total == 0 ? 0 : (double) usable / total;
        String reason = String.format("%.1f %% free (%,d MB of %,d MB)", free * 100, usable >> 20, total >> 20);
        String fix = "free space or grow the volume under " + directory + " (logs and old backups first)";
        if (free < FAIL_FREE) {
            return Finding.fail(id, reason, fix);
        }
        if (free < WARN_FREE) {
            return Finding.warn(id, reason, fix);
        }
        return Finding.pass(id, reason);
    }

    static Finding permissions(Path directory) {
        String id = "host.permissions." + directory;
        if (!Files.isDirectory(directory)) {
            return Finding.warn(id, directory + " does not exist yet",
                    "create it for Quantdesk's user only: install -d -m 700 " + directory);
        }
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        if (view == null) {
            return Finding.pass(id, "the file system has no POSIX permissions to check");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            return Finding.fail(id, "cannot read the permissions of " + directory + ": " + e.getMessage(),
                    "check the directory's owner");
        }
        String mode = PosixFilePermissions.toString(permissions);
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Finding.fail(id, "anyone on the machine may write to " + directory + " (" + mode + ")",
                    "chmod 700 " + directory);
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)) {
            return Finding.warn(id, "its group may write to " + directory + " (" + mode + ")",
                    "chmod 700 " + directory);
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return Finding.warn(id, "anyone on the machine may read " + directory + " (" + mode + ")",
                    "chmod 700 " + directory);
        }
        return Finding.pass(id, directory + " is " + mode);
    }

    private static Path nearestExisting(Path directory) {
        Path at = directory.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at;
    }
}
