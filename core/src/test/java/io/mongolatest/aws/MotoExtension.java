package io.mongolatest.aws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link MotoServer} parameter (of a test, a lifecycle method or a constructor): one server for
 * the whole test JVM, started when first asked for and stopped when the test run ends. Tests keep to names of
 * their own (databases, buckets), so tests sharing it do not meet.
 */
public final class MotoExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run and closes what it holds at its end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MotoServer.class, k -> MotoServer.start(), MotoServer.class);
    }
}
