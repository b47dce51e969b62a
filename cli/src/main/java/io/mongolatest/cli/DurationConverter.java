package io.mongolatest.cli;

import java.time.Duration;

import io.mongolatest.DurationText;
import io.mongolatest.MongoLatestException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option's duration as {@link DurationText} does: {@code 90s}, {@code 5m}, {@code 1h}, ... */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (MongoLatestException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
