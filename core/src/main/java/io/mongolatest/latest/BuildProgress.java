package io.mongolatest.latest;

import io.mongolatest.latest.input.CollectionInput;

/** What a build tells as it goes, for progress: called on the thread that runs the build, between its steps. */
public interface BuildProgress {

    /** Pass 1 of {@code collection} is over (its versions read, their winners known); pass 2 comes next. */
    void versionsRead(CollectionInput collection);

    /** A collection is built. */
    void done(CollectionReport report);
}
