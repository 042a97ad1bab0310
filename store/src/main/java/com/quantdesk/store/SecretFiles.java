package com.quantdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold a secret (a key, a signing key): written so that no one but the owner can ever
 * read them and no crash leaves one half-written, and checked on every read so that a copy made
 * readable by others is refused instead of used.
 *
 * <p>On a file system without POSIX permissions (Windows) the platform's defaults apply and the
 * check passes.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFiles() {
    }

    /**
     * Creates {@code file} holding {@code content} (UTF-8), readable and writable by the owner only
     * (0600), creating missing parent directories.
     *
     * <p>The content goes whole to a temporary file in the same directory, created owner-only and
     * forced to disk, which then takes the name {@code file}; the directory is forced too. A power cut
     * or a crash leaves either no file or the complete one, never an empty or partial secret.
     *
     * <p>If {@code file} already exists, or appears meanwhile because another process created it
     * first, the existing file is left as it is and {@code content} is discarded: two processes that
     * start together must end up with one secret, not each with its own. A caller that needs the
     * secret in use therefore reads the file back after this call.
     *
     * @throws IOException if the directory or the file cannot be written
     */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        boolean posix = Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
        String prefix = "." + target.getFileName() + "-";
        Path temporary = posix
                ? Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (!publish(temporary, target)) {
                return;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (posix) {
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    /** Gives {@code temporary} the name {@code target} unless {@code target} exists; false if it did. */
    private static boolean publish(Path temporary, Path target) throws IOException {
        // A hard link is created only if the name is free, in one step, so of two processes racing
        // exactly one wins; a rename would silently replace the winner's file.
        try {
            Files.createLink(target, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            // Some file systems have no hard links: fall back to a rename, which leaves a short window
            // in which a file created by another process could be replaced.
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    /**
     * Refuses a secret file that its group or others may read or write.
     *
     * @param what what the file is, for the message, e.g. {@code "the journal's key file"}
     * @throws IllegalStateException naming {@code what}, the file and the {@code chmod 600} that fixes it
     * @throws IOException if the file's permissions cannot be read (for example, it does not exist)
     */
    public static void requireOwnerOnly(Path file, String what) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Set<PosixFilePermission> shared = EnumSet.copyOf(SHARED);
        shared.retainAll(permissions);
        if (!shared.isEmpty()) {
            throw new IllegalStateException(what + " " + file + " is readable or writable by others ("
                    + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
        }
    }
}
