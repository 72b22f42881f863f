package dk.vaerdig.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message key of a form field's label, on the field of a form record, e.g.
 * {@code @FieldLabel("casework.meeting.nextStep") String nextStep}. The error summary at the top of a form names each
 * field with it ("Næste skridt: Udfyld feltet."), so two errors with the same message can be told apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface FieldLabel {

	/** The message key of the label, the same as the label on the page uses. */
	String value();
}
