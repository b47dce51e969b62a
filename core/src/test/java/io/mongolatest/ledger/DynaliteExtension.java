package io.mongolatest.ledger;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link DynaliteServer} parameter (e.g. of a {@code @BeforeAll} method): one server for the
 * whole test JVM, started when first asked for and stopped when the test run of this JVM ends.
 * Each test keeps to tables of its own, so tests sharing the server do not meet.
 */
public final class DynaliteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynaliteServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run and closes what it holds at its end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DynaliteServer.class, k -> DynaliteServer.start(), DynaliteServer.class);
    }
}
