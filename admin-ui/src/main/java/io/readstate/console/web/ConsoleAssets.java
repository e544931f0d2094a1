package io.readstate.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files the page loads, read once from the classpath: uPlot from its WebJar and the
 * console's own script and style sheet. Only these names are served, so no path from a
 * request ever reaches the class loader.
 */
public final class ConsoleAssets {

    /** A file the page loads: its bytes and content type. */
    public record Asset(byte[] bytes, String contentType) {
    }

    private static final String UPLOT_FALLBACK_VERSION = "1.6.30";
    private static final String JS = "text/javascript;charset=UTF-8";
    private static final String CSS = "text/css;charset=UTF-8";

    private final Map<String, Asset> assets;

    public ConsoleAssets() {
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        this.assets = Map.of(
                "uPlot.iife.min.js", load(uplot + "uPlot.iife.min.js", JS),
                "uPlot.min.css", load(uplot + "uPlot.min.css", CSS),
                "console.js", load("assets/console/console.js", JS),
                "console.css", load("assets/console/console.css", CSS),
                "favicon.svg", load("assets/console/favicon.svg", "image/svg+xml"));
    }

    /** The asset of that name ({@code console.js}, {@code uPlot.min.css}, ...), if there is one. */
    public Optional<Asset> named(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static String uplotVersion() {
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                return UPLOT_FALLBACK_VERSION;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UPLOT_FALLBACK_VERSION);
        } catch (IOException e) {
            return UPLOT_FALLBACK_VERSION;
        }
    }

    private static Asset load(String path, String contentType) {
        try (InputStream in = resource(path)) {
            if (in == null) {
                throw new IllegalStateException("the console's asset " + path + " is not on the classpath");
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the console's asset " + path, e);
        }
    }

    private static InputStream resource(String path) {
        return ConsoleAssets.class.getClassLoader().getResourceAsStream(path);
    }
}
