import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Re-encodes the class files of a jar that are older than Java 6 (major version 49 and below) as
 * version 50, with the stack map frames the newer format carries. Nothing else of a class changes:
 * every instruction, constant, attribute and annotation stays as it was.
 *
 * <p>Why: the JVM's ahead-of-time cache (and class-data sharing) leaves out classes that need the
 * old, inferring bytecode verifier, so each start loads and verifies them again. picocli, which
 * parses every Quantdesk command line, ships such class files; re-encoded, they come from the cache
 * and a command starts about 80 ms sooner. A class that cannot be re-encoded is kept as it was.
 *
 * <p>Run by the app module's build on JDK 24 and newer (the class-file API):
 * {@code java app/build-tools/OldClassFiles.java app/target/quantdesk.jar}. It rewrites the jar in place.
 */
public final class OldClassFiles {

    private static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java OldClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path rewritten = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
        int upgraded = 0;
        int kept = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             InputStream file = Files.newInputStream(jar);
             ZipInputStream in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(target)) {
            // Stack maps name the common supertype where branches meet: found in the jar itself, then the JDK.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < FIRST_WITH_STACK_MAPS) {
                    try {
                        bytes = upgrade(classFile, bytes);
                        upgraded++;
                    } catch (RuntimeException e) {
                        System.err.println("OldClassFiles: kept " + entry.getName() + " as it was: " + e.getMessage());
                        kept++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw e;
        }
        // A temporary file is private to its owner; the jar keeps the permissions it had.
        if (Files.getFileStore(jar).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(rewritten, Files.getPosixFilePermissions(jar));
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OldClassFiles: " + upgraded + " class files re-encoded as version "
                + FIRST_WITH_STACK_MAPS + (kept == 0 ? "" : ", " + kept + " kept as they were") + " in " + jar);
    }

    private static int majorVersion(byte[] classBytes) {
        return classBytes.length < 8 ? Integer.MAX_VALUE : (classBytes[6] & 0xff) << 8 | classBytes[7] & 0xff;
    }

    /** The class at version 50; its methods' code is written out again so that stack maps are made for it. */
    private static byte[] upgrade(ClassFile classFile, byte[] bytes) {
        ClassModel model = classFile.parse(bytes);
        return classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen(ClassTransform.endHandler(builder -> builder.withVersion(FIRST_WITH_STACK_MAPS, 0))));
    }
}
