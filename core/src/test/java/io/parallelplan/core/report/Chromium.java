package io.parallelplan.core.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium driven over the Chrome DevTools protocol on {@code --remote-debugging-pipe} (file descriptors 3
 * and 4, NUL-separated JSON): no network port, no extra library. Tests use it to load a report, read the rendered
 * DOM, click like a user and take a screenshot. Where Chromium is missing, {@link #start} fails in CI (the
 * {@code CI} variable is set) and skips elsewhere, saying how to install it.
 */
final class Chromium implements AutoCloseable {
    static final String INSTALL = "Chromium is needed for the browser test of the HTML report and was not found on "
            + "the PATH (chromium, chromium-browser, google-chrome) nor in CHROME_BIN. Install it with: "
            + "sudo apt-get update && sudo apt-get install -y chromium";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream toBrowser;
    private final InputStream fromBrowser;
    private final List<JsonNode> events = new ArrayList<>();
    private int nextId = 1;
    private String session;

    private Chromium(Process process) {
        this.process = process;
        this.toBrowser = process.getOutputStream();
        this.fromBrowser = new java.io.BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    /** Starts a headless browser with one page attached, or fails/skips when Chromium is missing. */
    static Chromium start(Path profile, int width, int height) throws IOException {
        String binary = find();
        if (binary == null) {
            if (System.getenv("CI") != null) {
                fail(INSTALL);
            }
            assumeTrue(false, INSTALL);
        }
        Files.createDirectories(profile);
        String command = "exec 3<&0 4>&1 1>&2 0</dev/null; exec \"$0\" --headless --no-sandbox --disable-gpu "
                + "--disable-background-networking --disable-component-update --disable-sync --no-first-run "
                + "--disable-extensions --disable-dev-shm-usage --remote-debugging-pipe --user-data-dir=\"$1\" "
                + "about:blank";
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command, binary, profile.toString());
        pb.redirectError(profile.resolve("chromium.log").toFile());
        Chromium browser = new Chromium(pb.start());
        try {
            JsonNode target = browser.call(null, "Target.createTarget", obj().put("url", "about:blank"));
            String targetId = target.path("targetId").asText();
            browser.session = browser.call(null, "Target.attachToTarget",
                    obj().put("targetId", targetId).put("flatten", true)).path("sessionId").asText();
            browser.call("Page.enable", obj());
            browser.call("Runtime.enable", obj());
            browser.call("Emulation.setDeviceMetricsOverride", obj().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", false));
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private static String find() {
        String env = System.getenv("CHROME_BIN");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** Opens {@code file} and waits until the document has loaded. */
    void open(Path file) throws IOException {
        call("Page.navigate", obj().put("url", file.toUri().toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"complete".equals(eval("document.readyState").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the page did not finish loading in 60 s: " + file);
            }
            sleep();
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonNode eval(String expression) throws IOException {
        JsonNode result = call("Runtime.evaluate", obj().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Clicks at the centre of the first element matching {@code selector}, as a mouse would. */
    void click(String selector) throws IOException {
        JsonNode box = eval("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector)
                + ");if(!e)return null;e.scrollIntoView({block:'center',inline:'center'});var r=e."
                + "getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2};})()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IOException("nothing to click: no element matches " + selector);
        }
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            call("Input.dispatchMouseEvent", obj().put("type", type).put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
    }

    /** A PNG of the whole page (up to 6000 px high). */
    byte[] screenshot() throws IOException {
        JsonNode metrics = call("Page.getLayoutMetrics", obj());
        double height = Math.min(6000, metrics.path("cssContentSize").path("height").asDouble(1000));
        double width = metrics.path("cssContentSize").path("width").asDouble(1400);
        ObjectNode clip = obj().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        ObjectNode params = obj().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    /** The events received so far with this method name (e.g. {@code Page.javascriptDialogOpening}). */
    List<JsonNode> events(String method) {
        return events.stream().filter(e -> method.equals(e.path("method").asText())).toList();
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) throws IOException {
        int id = nextId++;
        ObjectNode message = obj().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        toBrowser.write(JSON.writeValueAsBytes(message));
        toBrowser.write(0);
        toBrowser.flush();
        while (true) {
            JsonNode reply = JSON.readTree(readMessage());
            if (reply.path("id").asInt(-1) == id) {
                if (reply.has("error")) {
                    throw new IOException(method + " failed: " + reply.get("error"));
                }
                return reply.path("result");
            }
            events.add(reply);
        }
    }

    private String readMessage() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = fromBrowser.read()) > 0) {
            buffer.write(b);
        }
        if (b < 0) {
            throw new IOException("Chromium closed the DevTools pipe; see its log in the profile folder");
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            toBrowser.close();
        } catch (IOException ignored) {
            // Closing the pipe asks Chromium to quit; we stop it below either way.
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
