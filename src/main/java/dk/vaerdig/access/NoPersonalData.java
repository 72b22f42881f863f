package dk.vaerdig.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a web handler (or every handler of a controller, unless a method says {@link ReadsPersonalData})
 * shows no candidate's personal data, with the reason; read by {@code PersonalDataReadsIntegrationTest}, which requires
 * every handler to carry this or {@link ReadsPersonalData}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NoPersonalData {

	/** Why the handler shows no personal data (aggregates only, the candidate's own token, staff data…). */
	String value();
}
