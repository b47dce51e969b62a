package io.mongolatest.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Breaks off the next few answers of one operation after some bytes, as a reset connection would. */
final class CutAnswers implements ExecutionInterceptor {
    private final String operation;
    private final long after;
    private final AtomicInteger left;

    CutAnswers(String operation, int count, long after) {
        this.operation = operation;
        this.after = after;
        this.left = new AtomicInteger(count);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                || left.getAndDecrement() <= 0) {
            return body;
        }
        return Optional.of(new FilterInputStream(body.get()) {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (read >= after) {
                    throw new IOException("connection reset (test)");
                }
                int n = super.read(buffer, off, (int) Math.min(len, after - read));
                if (n > 0) {
                    read += n;
                }
                return n;
            }
        });
    }
}
