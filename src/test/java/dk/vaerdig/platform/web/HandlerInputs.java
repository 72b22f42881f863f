package dk.vaerdig.platform.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/** What a handler method takes from a request: its path variables and request parameters, each with its kind. */
final class HandlerInputs {

	enum Kind {
		NUMBER, DATE, TEXT, CHOICE
	}

	/** A path variable ({@code path}) or a request parameter that the handler reads. */
	record Slot(String name, Kind kind, boolean path) {
	}

	/** Simple types that Spring MVC takes from the request itself, not from a parameter. */
	private static final java.util.Set<Class<?>> RESOLVED_OTHERWISE = java.util.Set.of(java.util.Locale.class,
			java.util.TimeZone.class, java.time.ZoneId.class);

	private HandlerInputs() {
	}

	static List<Slot> slots(HandlerMethod method) {
		List<Slot> slots = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (path != null) {
				String name = name(path.name() + path.value(), parameter);
				slots.add(new Slot(name, kind(type, name), true));
			}
			else if (param != null) {
				if (!MultipartFile.class.isAssignableFrom(type) && !java.util.Map.class.isAssignableFrom(type)) {
					String name = name(param.name() + param.value(), parameter);
					slots.add(new Slot(name, kind(elementType(parameter), name), false));
				}
			}
			else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
				continue;
			}
			else if (type.isRecord()) {
				// a form or filter record bound from the query (with or without @ModelAttribute)
				for (RecordComponent component : type.getRecordComponents()) {
					slots.add(new Slot(component.getName(), kind(component.getType(), component.getName()), false));
				}
			}
			else if (BeanUtils.isSimpleProperty(type) && !RESOLVED_OTHERWISE.contains(type)) {
				// a simple type without annotation is a request parameter
				slots.add(new Slot(parameter.getParameterName(), kind(type, parameter.getParameterName()), false));
			}
		}
		return slots;
	}

	/** Whether the handler answers htmx requests differently (it reads the HX-Request header). */
	static boolean readsHtmxHeader(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			if (header != null && (header.name() + header.value()).contains("HX-")) {
				return true;
			}
		}
		return false;
	}

	private static String name(String declared, MethodParameter parameter) {
		return declared == null || declared.isEmpty() ? parameter.getParameterName() : declared;
	}

	private static Class<?> elementType(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (type.isArray()) {
			return type.getComponentType();
		}
		if (java.util.Collection.class.isAssignableFrom(type) || java.util.Optional.class.equals(type)) {
			return parameter.nested().getNestedParameterType();
		}
		return type;
	}

	/** A text parameter named like a date ("from", "to", "month", "day", ...) is parsed as one: it gets dates. */
	private static final java.util.regex.Pattern DATE_NAME = java.util.regex.Pattern
		.compile("(?i)(from|to|month|date|day|week|year|on|at|since|until)$|^(from|to)[A-Z]");

	static Kind kind(Class<?> type, String name) {
		if (type == String.class && DATE_NAME.matcher(name).find()) {
			return Kind.DATE;
		}
		if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
			return Kind.NUMBER;
		}
		if (Temporal.class.isAssignableFrom(type) || type == LocalDate.class || type == LocalDateTime.class
				|| type == YearMonth.class) {
			return Kind.DATE;
		}
		if (type.isEnum() || type == boolean.class || type == Boolean.class) {
			return Kind.CHOICE;
		}
		return Kind.TEXT;
	}
}
