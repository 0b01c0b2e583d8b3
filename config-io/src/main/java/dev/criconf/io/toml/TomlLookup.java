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

    default Optional<String> getString(String path) {
        return as(get(path), TomlString.class).map(TomlString::value);
    }

    default Optional<String> getString(List<String> keys) {
        return as(get(keys), TomlString.class).map(TomlString::value);
    }

    default Optional<Long> getLong(String path) {
        return as(get(path), TomlInteger.class).map(TomlInteger::value);
    }

    default Optional<Long> getLong(List<String> keys) {
        return as(get(keys), TomlInteger.class).map(TomlInteger::value);
    }

    default Optional<Double> getDouble(String path) {
        return as(get(path), TomlFloat.class).map(TomlFloat::value);
    }

    default Optional<Double> getDouble(List<String> keys) {
        return as(get(keys), TomlFloat.class).map(TomlFloat::value);
    }

    default Optional<Boolean> getBoolean(String path) {
        return as(get(path), TomlBoolean.class).map(TomlBoolean::value);
    }

    default Optional<Boolean> getBoolean(List<String> keys) {
        return as(get(keys), TomlBoolean.class).map(TomlBoolean::value);
    }

    default Optional<OffsetDateTime> getOffsetDateTime(String path) {
        return as(get(path), TomlOffsetDateTime.class).map(TomlOffsetDateTime::value);
    }

    default Optional<LocalDateTime> getLocalDateTime(String path) {
        return as(get(path), TomlLocalDateTime.class).map(TomlLocalDateTime::value);
    }

    default Optional<LocalDate> getLocalDate(String path) {
        return as(get(path), TomlLocalDate.class).map(TomlLocalDate::value);
    }

    default Optional<LocalTime> getLocalTime(String path) {
        return as(get(path), TomlLocalTime.class).map(TomlLocalTime::value);
    }

    default Optional<TomlTable> getTable(String path) {
        return as(get(path), TomlTable.class);
    }

    default Optional<TomlTable> getTable(List<String> keys) {
        return as(get(keys), TomlTable.class);
    }

    default Optional<TomlArray> getArray(String path) {
        return as(get(path), TomlArray.class);
    }

    default Optional<TomlArray> getArray(List<String> keys) {
        return as(get(keys), TomlArray.class);
    }

    private static <T extends TomlValue> Optional<T> as(Optional<TomlValue> value, Class<T> type) {
        return value.filter(type::isInstance).map(type::cast);
    }
}
