package dk.vaerdig.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web handler that shows a candidate's personal data (a page, a fragment, a file). Each successful call that
 * renders something (not a redirect) appends one audit entry per candidate shown, all in one statement, unless the
 * request already recorded that candidate through {@link AuditLog} (a service that logs a more specific detail).
 * <p>
 * The candidates come from the path variable or request parameter named by {@link #candidate()}, and from
 * {@link PersonalDataReads#shown} for pages whose candidates are found while handling (a letter, a complaint, a list).
 * A handler that names no {@link #candidate()} must report its candidates, an empty list included: if it returns
 * without doing so the request fails, so a forgotten report cannot pass silently.
 * <p>
 * Every handler of the application carries this or {@link NoPersonalData}; {@code PersonalDataReadsIntegrationTest}
 * fails the build for a handler with neither and calls every marked GET handler with demo data to see its entries.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadsPersonalData {

	/** The kind of use that is recorded. */
	AuditAction value();

	/** The path variable or request parameter holding the candidate's id; empty when the handler reports them. */
	String candidate() default "";
}
