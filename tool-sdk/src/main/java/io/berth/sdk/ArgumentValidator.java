package io.berth.sdk;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.lang.annotation.ElementType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Checks bound records against their Jakarta Validation constraints, with the provider the host supplies (Liberty's
 * beanValidation feature in Berth, Hibernate Validator in a plugin's tests).
 *
 * <p>There is one validator per plugin class loader, shared by the plugin's tools while any of them lives: the
 * provider caches what it learns about each class, and a validator shared across plugins would keep an undeployed
 * plugin's classes alive. Messages come from {@link ModelMessages}, never from the provider's interpolation, which
 * evaluates expressions in the host on behalf of the plugin. Each record is checked on its own (the binder visits
 * nested records itself), so only violations of the record itself count, whether or not it cascades with
 * {@code @Valid}.
 */
final class ArgumentValidator {

    /** No provider could be found or started: calls of tools with constraints fail instead of going unchecked. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Map<ClassLoader, WeakReference<ArgumentValidator>> BY_LOADER = new WeakHashMap<>();

    private final Validator validator;

    private ArgumentValidator(Validator validator) {
        this.validator = validator;
    }

    /** The validator for records of {@code loader}: hold on to it as long as the tool that needs it. */
    static ArgumentValidator forLoader(ClassLoader loader) throws Unavailable {
        synchronized (BY_LOADER) {
            WeakReference<ArgumentValidator> held = BY_LOADER.get(loader);
            ArgumentValidator validator = held == null ? null : held.get();
            if (validator == null) {
                validator = new ArgumentValidator(start().getValidator());
                BY_LOADER.put(loader, new WeakReference<>(validator));
            }
            return validator;
        }
    }

    /** One violation: the component it concerns (null for the record as a whole), its full path, its message. */
    record Found(String component, String path, String message) {
    }

    /** The violations of {@code record} itself, at {@code path}. */
    List<Found> validate(Object record, String path) {
        return found(validator.validate(record), record, path);
    }

    /** The violations of one component's value, for a record that could not be built. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Found> validateValue(Class<?> type, String component, Object value, String path) {
        return found(validator.validateValue((Class) type, component, value), null, path);
    }

    private static List<Found> found(Set<? extends ConstraintViolation<?>> violations, Object record, String path) {
        List<Found> found = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            if (record == null || v.getLeafBean() == record) {
                java.util.Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
                String component = nodes.hasNext() ? nodes.next().getName() : null;
                found.add(new Found(component, render(path, v.getPropertyPath()), v.getMessage()));
            }
        }
        return found;
    }

    /** A violation's path as the binder writes paths: {@code arguments.tags[1]}, {@code arguments.labels["x"]}. */
    static String render(String base, Path path) {
        StringBuilder at = new StringBuilder(base);
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                at.append(node.getIndex() != null ? "[" + node.getIndex() + "]"
                        : node.getKey() != null ? "[" + JsonText.write(String.valueOf(node.getKey())) + "]" : "[*]");
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null) {
                at.append('.').append(node.getName());
            }
        }
        return at.toString();
    }

    /**
     * Starts the provider as code of the SDK's own loader would: the caller's context loader is the plugin's, which
     * sees neither the provider nor its service file.
     */
    private static ValidatorFactory start() throws Unavailable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ArgumentValidator.class.getClassLoader());
        try {
            return Validation.byDefaultProvider().configure()
                    .ignoreXmlConfiguration()
                    .messageInterpolator(new ModelMessages())
                    .traversableResolver(new Everything())
                    .buildValidatorFactory();
        } catch (ValidationException | LinkageError e) {
            throw new Unavailable("no Jakarta Validation provider is available: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Every property is reachable and cascadable: records have no lazy JPA state to protect. */
    private static final class Everything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }
}
