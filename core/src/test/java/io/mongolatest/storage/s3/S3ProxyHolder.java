package io.mongolatest.storage.s3;

import java.io.IOException;

/**
 * A JVM that starts s3proxy, prints its process id and endpoint, and waits: killed with {@code kill -9}, it
 * shows that no s3proxy outlives the JVM that started it.
 */
public final class S3ProxyHolder {
    private S3ProxyHolder() {
    }

    public static void main(String[] args) throws IOException {
        S3ProxyServer server = S3ProxyServer.start();
        System.out.println("s3proxy pid=" + server.pid() + " endpoint=" + server.endpoint());
        System.out.flush();
        // Until killed, or until the test closes our input.
        while (System.in.read() >= 0) {
            // nothing to do
        }
        server.close();
    }
}
