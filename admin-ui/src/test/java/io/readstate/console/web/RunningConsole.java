package io.readstate.console.web;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The console servlet served for real by an embedded Jetty on loopback, mounted as the service mounts it. */
public final class RunningConsole implements AutoCloseable {

    private final Server server;
    private final int port;

    private RunningConsole(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Serves the servlet at {@code /console/*} on 127.0.0.1; port 0 picks a free one. */
    public static RunningConsole serve(ConsoleServlet servlet, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/console/*");
        server.setHandler(context);
        server.start();
        return new RunningConsole(server, connector.getLocalPort());
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the console's test server did not stop", e);
        }
    }
}
