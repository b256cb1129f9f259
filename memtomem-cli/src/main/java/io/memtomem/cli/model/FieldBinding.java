package io.memtomem.cli.model;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

import java.lang.reflect.Field;

/** An annotated field of one command or mixin instance, read and written as picocli's own field binding does. */
final class FieldBinding implements IGetter, ISetter {
    private final Object target;
    private final Field field;

    FieldBinding(Object target, Field field) {
        this.target = target;
        this.field = field;
        field.setAccessible(true);
    }

    Field field() {
        return field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        try {
            return (T) field.get(target);
        } catch (IllegalAccessException e) {
            throw new PicocliException("Could not get value for field " + field, e);
        }
    }

    @Override
    public <T> T set(T value) {
        T previous = get();
        try {
            field.set(target, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new PicocliException("Could not set value for field " + field + " to " + value, e);
        }
        return previous;
    }
}
