package io.mongolatest.pipeline.exec;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/** This runner's lease was taken over (it expired while the runner was stalled): it must stop writing. */
public final class LeaseLostException extends MongoLatestException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(ErrorKind.HELD, message);
    }
}
