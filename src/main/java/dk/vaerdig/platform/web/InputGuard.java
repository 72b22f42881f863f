package dk.vaerdig.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.springframework.beans.PropertyAccessException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses, once for every controller, the request values that no query can take: a text with a control character
 * (PostgreSQL refuses the NUL byte in text) and a date, date-time or month outside the years 1900–2200 (PostgreSQL's
 * timestamps end long before Java's dates do, and no case has such a date). A refused value in a form becomes a field
 * error (the form is shown again with what the user typed); in a request parameter or path it is a 400 with a page
 * that says what was wrong.
 */
@ControllerAdvice(basePackages = "dk.vaerdig")
class InputGuard {

	static final int FIRST_YEAR = 1900;

	static final int LAST_YEAR = 2200;

	@InitBinder
	void refuseControlCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PlainTextEditor());
		binder.setBindingErrorProcessor(new FieldMessages());
	}

	/** A refused form value gets the field error {@code form.<what>} (e.g. {@code form.dateOutOfRange}) beside it. */
	static final class FieldMessages extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			InvalidInput invalid = null;
			for (Throwable e = ex; e != null && invalid == null; e = e.getCause() == e ? null : e.getCause()) {
				invalid = e instanceof InvalidInput i ? i : null;
			}
			if (invalid == null) {
				super.processPropertyAccessException(ex, result);
				return;
			}
			String field = ex.getPropertyName();
			String code = invalid.messageKey().replaceFirst("^error\\.", "form.");
			// the form is shown again with the text the user typed, less the characters that cannot be saved
			Object value = ex.getValue();
			if (ObjectUtils.isArray(value)) {
				value = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(value));
			}
			if (value instanceof String text) {
				value = withoutControlCharacters(text);
			}
			result.addError(new FieldError(result.getObjectName(), field, value, true, result.resolveMessageCodes(code, field),
					null, code));
		}
	}

	/** The converters that keep dates inside the years the application handles; they take precedence over Boot's. */
	static void registerDateConverters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class,
				(Converter<String, LocalDate>) text -> bounded(text, LocalDate::parse, LocalDate::getYear, "error.badDate"));
		registry.addConverter(String.class, LocalDateTime.class,
				(Converter<String, LocalDateTime>) text -> bounded(text, LocalDateTime::parse, LocalDateTime::getYear,
						"error.badDate"));
		registry.addConverter(String.class, YearMonth.class,
				(Converter<String, YearMonth>) text -> bounded(text, YearMonth::parse, YearMonth::getYear, "error.badMonth"));
	}

	/** Whether a text holds a control character other than tab, line feed, vertical tab, form feed and return. */
	static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch(InputGuard::isRefused);
	}

	static String withoutControlCharacters(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.chars().filter(c -> !isRefused(c)).forEach(c -> kept.append((char) c));
		return kept.toString();
	}

	private static boolean isRefused(int c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') || c == 0x7F;
	}

	/** An ISO date, date-time or month inside the years the application handles; a blank text is no value. */
	private static <T> T bounded(String text, Function<String, T> parse, ToIntFunction<T> year, String malformed) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (hasControlCharacter(text)) {
			throw new InvalidInput("error.controlCharacter");
		}
		T value;
		try {
			value = parse.apply(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(malformed);
		}
		int y = year.applyAsInt(value);
		if (y < FIRST_YEAR || y > LAST_YEAR) {
			throw new InvalidInput("error.dateOutOfRange");
		}
		return value;
	}

	/** Takes a text as it is, unless it holds a control character. */
	static final class PlainTextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (text != null && hasControlCharacter(text)) {
				throw new InvalidInput("error.controlCharacter");
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}
	}
}
