package io.mongolatest.tables;

import java.net.URI;
import java.util.Map;

import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An Iceberg REST catalog in this JVM: Iceberg's own test adapter ({@code RESTCatalogAdapter}, which answers the
 * REST spec's routes from any catalog) and servlet ({@code RESTCatalogServlet}, from iceberg-core's tests jar)
 * in Jetty on 127.0.0.1 and a port Jetty picks, in front of a catalog opened from {@code backend} properties (in
 * the tests, a SQLite catalog). The backend decides where tables live.
 */
public final class RestCatalogServer implements AutoCloseable {
    private final Server server;
    private final Catalog backend;
    private final URI uri;

    private RestCatalogServer(Server server, Catalog backend, URI uri) {
        this.server = server;
        this.backend = backend;
        this.uri = uri;
    }

    public static RestCatalogServer start(Map<String, String> backend) {
        Catalog catalog = CatalogUtil.buildIcebergCatalog("rest_backend", backend, null);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(catalog))), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            close(catalog);
            throw new IllegalStateException("the REST catalog did not start: " + e, e);
        }
        return new RestCatalogServer(server, catalog, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /** What {@code --catalog rest:URL} names. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the REST catalog did not stop: " + e, e);
        } finally {
            close(backend);
        }
    }

    private static void close(Catalog catalog) {
        if (catalog instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the REST catalog's backend: " + e, e);
            }
        }
    }
}
