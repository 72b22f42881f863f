package dk.vaerdig.complaints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reassessmentWorkingDays the municipality's own deadline for reassessing a complaint, in working days
 * @param anonymityThreshold counts below this in a breakdown of the learning report are hidden (and their complement)
 * @param candidateCategoryId the category a complaint the candidate starts on Min side gets until a complaint handler
 *     sets another (the candidate is not asked to sort their own complaint); by default "Andet"
 */
@ConfigurationProperties("vaerdig.complaints")
public record ComplaintSettings(@DefaultValue("10") int reassessmentWorkingDays,
		@DefaultValue("5") int anonymityThreshold, @DefaultValue("6") long candidateCategoryId) {
}
