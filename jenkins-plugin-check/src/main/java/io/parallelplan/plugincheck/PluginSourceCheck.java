package io.parallelplan.plugincheck;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks the sources of a Jenkins plugin module without compiling them.
 *
 * <ul>
 *   <li>every {@code .java} file parses (Java 17 syntax);
 *   <li>every {@code .groovy} file parses with the Groovy of Jenkins core (as a Pipeline's class loader compiles
 *       it), and its file name appears in a Java source of the plugin (the allowlist that lets Pipelines load it);
 *   <li>every {@code .jelly} and {@code .xml} file is well-formed XML, and every Jelly file starts with
 *       {@code <?jelly escape-by-default='true'?>};
 *   <li>every {@code help*.html} file is a well-formed XML fragment (Jenkins shows it inside the page);
 *   <li>every class extending {@code Step} has {@code config.jelly}, {@code help.html} and a {@code help-<field>.html}
 *       for every {@code @DataBoundConstructor} parameter and {@code @DataBoundSetter}, and its
 *       {@code config.jelly} has an entry {@code field="<field>"} for each.
 * </ul>
 *
 * <p>Problems are returned as lines {@code path: problem; fix}, paths relative to the module.
 */
public final class PluginSourceCheck {
    /** The first line every Jelly file must have. */
    public static final String JELLY_ESCAPE = "<?jelly escape-by-default='true'?>";

    private final Path module;
    private final JavaParser java = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();

    /** A check of the plugin module at {@code module} (the folder holding its {@code pom.xml}). */
    public PluginSourceCheck(Path module) {
        this.module = Objects.requireNonNull(module, "module cannot be null");
        try {
            xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
        xml.setNamespaceAware(true);
    }

    /**
     * Every problem found, in file order; empty when the sources are sound.
     *
     * @throws IOException when the module cannot be read
     */
    public List<String> problems() throws IOException {
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            throw new IOException(module + " has no pom.xml; point the check at the jenkins-plugin folder");
        }
        List<String> problems = new ArrayList<>();
        checkXml(module.resolve("pom.xml"), problems);
        List<Path> files = files(module.resolve("src"));
        StringBuilder mainJava = new StringBuilder();
        for (Path file : files) {
            if (file.toString().endsWith(".java") && file.startsWith(module.resolve("src/main"))) {
                mainJava.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".java")) {
                checkJava(file, problems);
            } else if (name.endsWith(".groovy")) {
                checkGroovy(file, mainJava, problems);
            } else if (name.endsWith(".jelly")) {
                checkJelly(file, problems);
            } else if (name.endsWith(".xml")) {
                checkXml(file, problems);
            } else if (name.startsWith("help") && name.endsWith(".html")) {
                checkHelp(file, problems);
            }
        }
        return List.copyOf(problems);
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private String where(Path file) {
        return module.relativize(file).toString().replace('\\', '/');
    }

    private void checkJava(Path file, List<String> problems) throws IOException {
        ParseResult<com.github.javaparser.ast.CompilationUnit> result = java.parse(file);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            result.getProblems().forEach(p -> problems.add(where(file) + ":"
                    + p.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line + ":"
                            + r.begin.column).orElse("?")
                    + ": does not parse: " + firstLine(p.getMessage()) + "; fix the Java syntax"));
            return;
        }
        com.github.javaparser.ast.CompilationUnit unit = result.getResult().get();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            boolean isStep = type.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals("Step"));
            if (isStep && !type.isNestedType()) {
                String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
                checkStepResources(file, pkg, type, problems);
            }
        }
    }

    private void checkGroovy(Path file, CharSequence mainJava, List<String> problems) throws IOException {
        problems.addAll(groovySyntax(where(file), Files.readString(file, StandardCharsets.UTF_8)));
        String name = file.getFileName().toString();
        if (file.startsWith(module.resolve("src/main/resources")) && !mainJava.toString().contains("\"" + name + "\"")) {
            problems.add(where(file) + ": no Java source names \"" + name + "\"; a Pipeline loads it only when a"
                    + " GroovySourceFileAllowlist allows getResource(\"" + name + "\")");
        }
    }

    /**
     * The syntax errors of Groovy text (a plugin class, a Jenkinsfile) as Jenkins core's Groovy parses it, one line
     * each: {@code where:line:column: does not parse: ...; fix the Groovy syntax}. Names are not resolved.
     */
    public static List<String> groovySyntax(String where, String text) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(where, text);
        try {
            unit.compile(Phases.CONVERSION);
            return List.of();
        } catch (CompilationFailedException e) {
            List<String> problems = new ArrayList<>();
            for (Object message : unit.getErrorCollector().getErrors()) {
                problems.add(where + ":" + groovyError((Message) message) + "; fix the Groovy syntax");
            }
            return problems;
        }
    }

    private static String groovyError(Message message) {
        if (message instanceof SyntaxErrorMessage syntax) {
            SyntaxException e = syntax.getCause();
            return e.getStartLine() + ":" + e.getStartColumn() + ": does not parse: " + firstLine(e.getOriginalMessage());
        }
        return " does not parse: " + message;
    }

    private void checkStepResources(Path file, String pkg, ClassOrInterfaceDeclaration step, List<String> problems)
            throws IOException {
        Path folder = module.resolve("src/main/resources").resolve(pkg.replace('.', '/'))
                .resolve(step.getNameAsString());
        String stepName = where(file) + ": step " + step.getNameAsString();
        Path config = folder.resolve("config.jelly");
        String configText = "";
        if (Files.isRegularFile(config)) {
            configText = Files.readString(config, StandardCharsets.UTF_8);
        } else {
            problems.add(stepName + " has no " + where(config) + "; add one for the Snippet Generator");
        }
        if (!Files.isRegularFile(folder.resolve("help.html"))) {
            problems.add(stepName + " has no " + where(folder.resolve("help.html"))
                    + "; add one saying what the step does");
        }
        for (String field : fields(step)) {
            Path help = folder.resolve("help-" + field + ".html");
            if (!Files.isRegularFile(help)) {
                problems.add(stepName + " has no " + where(help) + "; add help for the parameter " + field);
            }
            if (Files.isRegularFile(config) && !configText.contains("field=\"" + field + "\"")) {
                problems.add(stepName + ": " + where(config) + " has no entry field=\"" + field
                        + "\"; add <f:entry field=\"" + field + "\" ...>");
            }
        }
    }

    /** The data-bound parameters of a step: constructor parameters, then setters and annotated fields. */
    static Set<String> fields(ClassOrInterfaceDeclaration step) {
        Set<String> fields = new LinkedHashSet<>();
        for (ConstructorDeclaration constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent("DataBoundConstructor")) {
                for (Parameter parameter : constructor.getParameters()) {
                    fields.add(parameter.getNameAsString());
                }
            }
        }
        for (MethodDeclaration method : step.getMethods()) {
            String name = method.getNameAsString();
            if (method.isAnnotationPresent("DataBoundSetter") && name.startsWith("set") && name.length() > 3) {
                fields.add(name.substring(3, 4).toLowerCase(Locale.ROOT) + name.substring(4));
            }
        }
        for (FieldDeclaration field : step.getFields()) {
            if (field.isAnnotationPresent("DataBoundSetter")) {
                field.getVariables().stream().map(VariableDeclarator::getNameAsString).forEach(fields::add);
            }
        }
        return fields;
    }

    private void checkJelly(Path file, List<String> problems) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith(JELLY_ESCAPE)) {
            problems.add(where(file) + ":1:1: does not start with " + JELLY_ESCAPE
                    + "; make it the first line so every ${...} is escaped");
        }
        parseXml(file, text, problems);
    }

    private void checkXml(Path file, List<String> problems) throws IOException {
        parseXml(file, Files.readString(file, StandardCharsets.UTF_8), problems);
    }

    private void checkHelp(Path file, List<String> problems) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            problems.add(where(file) + ": is empty; say what the parameter does");
            return;
        }
        parseXml(file, "<help>" + text + "</help>", problems);
    }

    private void parseXml(Path file, String text, List<String> problems) {
        try {
            var builder = xml.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            problems.add(where(file) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": is not well-formed XML: "
                    + firstLine(e.getMessage()) + "; fix the markup");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            problems.add(where(file) + ": cannot be read as XML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
