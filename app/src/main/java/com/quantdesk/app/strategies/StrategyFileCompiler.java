package com.quantdesk.app.strategies;

import com.quantdesk.core.strategy.Strategy;
import com.quantdesk.core.strategy.StrategyProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one strategy source file in this process with the JDK's compiler, loads the classes in
 * a class loader of their own and returns the strategies its {@link StrategyProvider} classes
 * describe. Nothing is written to disk.
 */
public final class StrategyFileCompiler {

    private final JavaCompiler compiler;

    /** A compiler backed by the running JDK's {@code javac}. */
    public StrategyFileCompiler() {
        this(ToolProvider.getSystemJavaCompiler());
    }

    StrategyFileCompiler(JavaCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Compiles {@code file} and returns its strategies, in the order its classes were written.
     *
     * @throws IllegalArgumentException naming the file, and for compile errors every error's line and
     *                                  column, when it cannot be read, does not compile, declares no
     *                                  provider or a provider fails
     */
    public List<UserStrategy> compile(Path file) {
        if (compiler == null) {
            throw new IllegalArgumentException(file + ": compiling a strategy needs a JDK, but this Java ("
                    + System.getProperty("java.home") + ") has no compiler; run Quantdesk on a JDK 21 or "
                    + "later, or build the strategy into a jar for the strategies folder (docs/strategies.md)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!file.getFileName().toString().endsWith(".java")) {
            throw new IllegalArgumentException(file + ": not a Java source file (expected a name ending in .java)");
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
        try (JavaFileManager files = new InMemoryClasses(standard, classes)) {
            List<String> options = List.of("-classpath", classpath(), "-proc:none", "-encoding", "UTF-8",
                    "-implicit:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    List.of(new SourceFile(file, source))).call();
            if (!ok) {
                throw new IllegalArgumentException(errors(file, diagnostics.getDiagnostics()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return providers(file, new CompiledClasses(classes, Strategy.class.getClassLoader()));
    }

    private static String errors(Path file, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT).replace("\n", "\n    ");
            lines.add(d.getLineNumber() > 0
                    ? file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": " + message
                    : file + ": " + message);
        }
        return file + " does not compile (" + lines.size() + (lines.size() == 1 ? " error" : " errors") + "):\n"
                + String.join("\n", lines);
    }

    private static List<UserStrategy> providers(Path file, CompiledClasses loader) {
        List<UserStrategy> strategies = new ArrayList<>();
        for (String name : loader.names()) {
            Class<?> type;
            try {
                type = loader.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException(file + ": class " + name + " cannot be loaded: " + e, e);
            }
            if (!StrategyProvider.class.isAssignableFrom(type) || type.isInterface()
                    || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            StrategyProvider provider;
            try {
                provider = (StrategyProvider) type.getConstructor().newInstance();
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalArgumentException(file + ": " + type.getName() + " must be a public class with a "
                        + "public constructor without arguments (Quantdesk creates it)", e);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                throw new IllegalArgumentException(file + ": creating " + type.getName() + " failed: " + cause, e);
            }
            strategies.add(UserStrategies.describe(provider, file.toString()));
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException(file + ": no public class implements "
                    + StrategyProvider.class.getName() + " (see docs/strategies.md)");
        }
        return strategies;
    }

    /** The running classpath, and the core module's location in case it is not on it. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        try {
            var location = Strategy.class.getProtectionDomain().getCodeSource();
            if (location != null) {
                entries.add(Path.of(location.getLocation().toURI()).toString());
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // The class path alone then has to do.
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The source as read once, so diagnostics and compilation see the same text. */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final String text;

        SourceFile(Path file, String text) {
            super(file.toAbsolutePath().toUri(), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps every class the compiler writes in memory. */
    private static final class InMemoryClasses extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        InMemoryClasses(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> classes) {
            super(files);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes; everything else comes from Quantdesk's own class loader. */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        CompiledClasses(Map<String, ByteArrayOutputStream> classes, ClassLoader parent) {
            super("strategy-file", parent);
            this.classes = classes;
        }

        List<String> names() {
            return List.copyOf(classes.keySet());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }
}
