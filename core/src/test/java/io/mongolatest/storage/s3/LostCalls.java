package io.mongolatest.storage.s3;

import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes the next few calls of one operation fail as a network would: before the request leaves (the store
 * never sees it), or after the store has answered (the answer is lost).
 */
final class LostCalls implements ExecutionInterceptor {
    private final String operation;
    private final boolean afterTheStoreAnswered;
    private final AtomicInteger left;

    private LostCalls(String operation, boolean afterTheStoreAnswered, int count) {
        this.operation = operation;
        this.afterTheStoreAnswered = afterTheStoreAnswered;
        this.left = new AtomicInteger(count);
    }

    /** The next {@code count} answers to {@code operation} are lost after the store acted on the request. */
    static LostCalls answers(String operation, int count) {
        return new LostCalls(operation, true, count);
    }

    /** The next {@code count} requests of {@code operation} never reach the store. */
    static LostCalls requests(String operation, int count) {
        return new LostCalls(operation, false, count);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!afterTheStoreAnswered) {
            lose(attributes, "connection reset before the request was sent (test)");
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (afterTheStoreAnswered) {
            lose(attributes, "connection reset before the answer was read (test)");
        }
    }

    private void lose(ExecutionAttributes attributes, String what) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                && left.getAndDecrement() > 0) {
            throw SdkClientException.create(what);
        }
    }
}
