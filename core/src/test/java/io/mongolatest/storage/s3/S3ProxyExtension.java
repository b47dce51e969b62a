package io.mongolatest.storage.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link S3ProxyServer} of this test JVM as a parameter (of a test, a lifecycle method
 * or a constructor): started on first use, stopped when the test run ends, and ended with the JVM however
 * it ends.
 *
 * <pre>{@code
 * @ExtendWith(S3ProxyExtension.class)
 * final class SomeTest {
 *     @Test
 *     void reads(S3ProxyServer s3) {
 *         S3Location root = s3.createBucket();
 *         S3Objects objects = s3.objects(); // or new S3Objects(s3.client(), settings)
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class S3ProxyExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            S3ProxyExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run and closes what it holds (AutoCloseable) at its end.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(S3ProxyServer.class,
                key -> S3ProxyServer.start(), S3ProxyServer.class);
    }
}
