package dev.criconf.io.toml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads by path, shared by {@link TomlDocument} and {@link TomlTable}. A path is either the
 * text form of a {@link TomlPath} ({@code plugins."io.containerd.grpc.v1.cri".sandbox_image},
 * {@code runtimes[0].name}) or a list of keys. A typed getter is empty when nothing is at the path
 * or the value there has another type; use {@link #get(TomlPath)} to tell the two apart.
 */
public interface TomlLookup {

    /** The value at a path, if any. */
    Optional<TomlValue> get(TomlPath path);

    /** The value at a path in text form, if any. */
    default Optional<TomlValue> get(String path) {
        return get(TomlPath.parse(path));
    }

    /** The value at a path of keys, if any. */
    default Optional<TomlValue> get(List<String> keys) {
        return get(TomlPath.of(keys));
    }

    /** The value at a path in text form if it is a string. */
    default Optional<String> getString(String path) {
        return as(get(path), TomlString.class).map(TomlString::value);
    }

    /** The value at a path of keys if it is a string. */
    default Optional<String> getString(List<String> keys) {
        return as(get(keys), TomlString.class).map(TomlString::value);
    }

    /** The value at a path in text form if it is an integer. */
    default Optional<Long> getLong(String path) {
        return as(get(path), TomlInteger.class).map(TomlInteger::value);
    }

    /** The value at a path of keys if it is an integer. */
    default Optional<Long> getLong(List<String> keys) {
        return as(get(keys), TomlInteger.class).map(TomlInteger::value);
    }

    /** The value at a path in text form if it is a float. */
    default Optional<Double> getDouble(String path) {
        return as(get(path), TomlFloat.class).map(TomlFloat::value);
    }

    /** The value at a path of keys if it is a float. */
    default Optional<Double> getDouble(List<String> keys) {
        return as(get(keys), TomlFloat.class).map(TomlFloat::value);
    }

    /** The value at a path in text form if it is a boolean. */
    default Optional<Boolean> getBoolean(String path) {
        return as(get(path), TomlBoolean.class).map(TomlBoolean::value);
    }

    /** The value at a path of keys if it is a boolean. */
    default Optional<Boolean> getBoolean(List<String> keys) {
        return as(get(keys), TomlBoolean.class).map(TomlBoolean::value);
    }

    /** The value at a path in text form if it is an offset date-time. */
    default Optional<OffsetDateTime> getOffsetDateTime(String path) {
        return as(get(path), TomlOffsetDateTime.class).map(TomlOffsetDateTime::value);
    }

    /** The value at a path in text form if it is a local date-time. */
    default Optional<LocalDateTime> getLocalDateTime(String path) {
        return as(get(path), TomlLocalDateTime.class).map(TomlLocalDateTime::value);
    }

    /** The value at a path in text form if it is a local date. */
    default Optional<LocalDate> getLocalDate(String path) {
        return as(get(path), TomlLocalDate.class).map(TomlLocalDate::value);
    }

    /** The value at a path in text form if it is a local time. */
    default Optional<LocalTime> getLocalTime(String path) {
        return as(get(path), TomlLocalTime.class).map(TomlLocalTime::value);
    }

    /** The value at a path in text form if it is a table. */
    default Optional<TomlTable> getTable(String path) {
        return as(get(path), TomlTable.class);
    }

    /** The value at a path of keys if it is a table. */
    default Optional<TomlTable> getTable(List<String> keys) {
        return as(get(keys), TomlTable.class);
    }

    /** The value at a path in text form if it is an array. */
    default Optional<TomlArray> getArray(String path) {
        return as(get(path), TomlArray.class);
    }

    /** The value at a path of keys if it is an array. */
    default Optional<TomlArray> getArray(List<String> keys) {
        return as(get(keys), TomlArray.class);
    }

    private static <T extends TomlValue> Optional<T> as(Optional<TomlValue> value, Class<T> type) {
        return value.filter(type::isInstance).map(type::cast);
    }
}
