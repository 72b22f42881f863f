package dk.vaerdig.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.BindingResult;

import dk.vaerdig.access.SignedInUser;
import dk.vaerdig.platform.JobCentre;

/**
 * What a jte page needs besides its own model (see {@link JteViews}): the UI's texts in the page's language, links
 * under the context path, the CSRF token for its forms, and what the layout shows on every page (the signed-in user,
 * their menu, the job centre, the language switch). Made once per rendering; a template reads it as {@code p}.
 * <p>
 * The texts come from the same message source as Thymeleaf's {@code #{…}}, with the same rules: a text without
 * arguments is returned as written, one with arguments goes through {@link java.text.MessageFormat}. jte escapes
 * what it writes, as {@code th:text} does.
 */
public final class PageContext {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private final MessageSource messages;

	private final Locale locale;

	private final String contextPath;

	private final CsrfToken csrf;

	/** The page's model, with the layout's ({@link LayoutModel}, {@code StaffNavigation}) and the form's binding. */
	private final Map<String, ?> model;

	PageContext(MessageSource messages, Locale locale, String contextPath, CsrfToken csrf, Map<String, ?> model) {
		this.messages = messages;
		this.locale = locale;
		this.contextPath = contextPath;
		this.csrf = csrf;
		this.model = model;
	}

	/** The UI text of {@code key} in the page's language; a missing key fails the page, as it should in a test. */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/** A field error or another resolvable in the page's language (as {@code th:errors} writes it). */
	public String text(MessageSourceResolvable resolvable) {
		return messages.getMessage(resolvable, locale);
	}

	/** An address of the app under its context path, as {@code @{…}} writes it. */
	public String url(String path) {
		return contextPath + path;
	}

	/** The CSRF token every POST form carries (Thymeleaf adds it to a form with {@code th:action}); or null. */
	public CsrfToken csrf() {
		return csrf;
	}

	/**
	 * The field's error messages in the page's language ({@code th:errors}), from the form's binding result in the
	 * model; none without one. Empty means no error ({@code #fields.hasErrors}).
	 */
	public List<String> errors(String form, String field) {
		if (!(model.get(BindingResult.MODEL_KEY_PREFIX + form) instanceof BindingResult result)) {
			return List.of();
		}
		return result.getFieldErrors(field).stream().map(this::text).toList();
	}

	/**
	 * The field's value as the form shows it again ({@code th:field}): after a failed submission, the binding result's
	 * (what the user typed, as the binder kept it); otherwise {@code value}, the form object's own. Written as text,
	 * nothing for null.
	 */
	public String value(String form, String field, Object value) {
		Object shown = model.get(BindingResult.MODEL_KEY_PREFIX + form) instanceof BindingResult result
				? result.getFieldValue(field) : value;
		return shown == null ? "" : shown.toString();
	}

	/** {@code dd-MM-yyyy}, as the pages write a day ({@code #temporals.format(d, 'dd-MM-yyyy')}). */
	public String day(LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}

	/** {@code dd-MM-yyyy HH:mm} of an instant in the app's time zone, or of a local date-time. */
	public String dayTime(TemporalAccessor time) {
		if (time == null) {
			return "";
		}
		return DAY_TIME.format(time instanceof Instant i ? i.atZone(ZoneId.systemDefault()) : time);
	}

	/** {@code da} or {@code en}: the page's {@code lang}. */
	public String language() {
		return locale.getLanguage();
	}

	public SignedInUser signedIn() {
		return (SignedInUser) model.get("signedIn");
	}

	@SuppressWarnings("unchecked")
	public List<? extends MenuLink> navigation() {
		List<? extends MenuLink> navigation = (List<? extends MenuLink>) model.get("navigation");
		return navigation == null ? List.of() : navigation;
	}

	public JobCentre.Contact jobCentre() {
		return (JobCentre.Contact) model.get("jobCentre");
	}

	/** The current address with {@code lang=} last, for the language switch ({@link LayoutModel}). */
	public String langBase() {
		return (String) model.get("langBase");
	}
}
