package dk.vaerdig.platform.web;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.platform.FieldLabel;

/**
 * Names the field of a form error by its label, for the error summary in {@code fragments/forms.html}: the
 * {@link FieldLabel} of the form record's field, followed by the row for a field in a list ("Hvad (række 2)"). A field
 * without a label gives null, and the summary shows the message alone.
 */
@Component("fieldLabels")
public class FieldLabels {

	private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)\\])?");

	private final MessageSource messages;

	/** Label keys by form type and field name; a field without a label is kept as the empty string. */
	private final Map<Class<?>, Map<String, Step>> steps = new ConcurrentHashMap<>();

	private record Step(String labelKey, Class<?> type, Class<?> elementType) {

		boolean isList() {
			return type.isArray() || Collection.class.isAssignableFrom(type);
		}
	}

	FieldLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of the field at {@code path} of {@code form}, in the reader's language, or null. */
	public String of(Object form, String path, Locale locale) {
		if (form == null || path == null || path.isEmpty()) {
			return null;
		}
		Class<?> type = form.getClass();
		String labelKey = null;
		Integer row = null;
		for (String part : path.split("\\.")) {
			Matcher m = SEGMENT.matcher(part);
			if (type == null || !m.matches()) {
				return null;
			}
			Step step = step(type, m.group(1));
			if (step == null) {
				return null;
			}
			if (m.group(2) != null) {
				row = step.isList() ? Integer.valueOf(Integer.parseInt(m.group(2)) + 1) : null;
				type = step.elementType();
			}
			else {
				type = step.type();
			}
			labelKey = step.labelKey();
		}
		if (labelKey == null) {
			return null;
		}
		String label = messages.getMessage(labelKey, null, labelKey, locale);
		return row == null ? label : messages.getMessage("form.errors.row", new Object[] { label, row }, locale);
	}

	private Step step(Class<?> type, String name) {
		return steps.computeIfAbsent(type, FieldLabels::stepsOf).get(name);
	}

	private static Map<String, Step> stepsOf(Class<?> type) {
		Map<String, Step> found = new ConcurrentHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				FieldLabel label = c.getAnnotation(FieldLabel.class);
				found.put(c.getName(), new Step(label == null ? null : label.value(), c.getType(), element(c.getGenericType())));
			}
		}
		else {
			for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
				for (Field f : t.getDeclaredFields()) {
					FieldLabel label = f.getAnnotation(FieldLabel.class);
					found.putIfAbsent(f.getName(), new Step(label == null ? null : label.value(), f.getType(),
							element(f.getGenericType())));
				}
			}
		}
		return found;
	}

	/** The element type of a list or array, the value type of a map; null otherwise. */
	private static Class<?> element(Type type) {
		if (type instanceof Class<?> c && c.isArray()) {
			return c.getComponentType();
		}
		if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
			Type[] args = p.getActualTypeArguments();
			Type arg = Collection.class.isAssignableFrom(raw) ? args[0] : Map.class.isAssignableFrom(raw) ? args[1] : null;
			if (arg instanceof Class<?> c) {
				return c;
			}
			if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> c) {
				return c;
			}
		}
		return null;
	}
}
