package dk.vaerdig.complaints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reassessmentWorkingDays the municipality's own deadline for reassessing a complaint, in working days
 * @param anonymityThreshold counts below this in a breakdown of the learning report are hidden (and their complement)
 */
@ConfigurationProperties("vaerdig.complaints")
public record ComplaintSettings(@DefaultValue("10") int reassessmentWorkingDays,
		@DefaultValue("5") int anonymityThreshold) {
}
